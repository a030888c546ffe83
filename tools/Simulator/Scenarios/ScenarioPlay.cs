using System.Diagnostics;
using System.Text.Json;
using Provisioning.Marketplace.Callbacks;
using Provisioning.Marketplace.OpenApi;
using Provisioning.SellerApplication;
using Provisioning.Simulator.Login;
using Provisioning.Simulator.Seller;

namespace Provisioning.Simulator.Scenarios;

/// <summary>
/// One run of a scenario: the marketplace clients, the keys the seller shares with the marketplace, the optional Kit, seller
/// API, open API and seller application parts, and the steps recorded so far.
/// </summary>
public sealed class ScenarioPlay(V1Marketplace v1, V2Marketplace v2, string key, string accessKey)
{
    private readonly List<StepOutcome> _steps = [];

    /// <summary>The V1 production interface.</summary>
    public V1Marketplace V1 { get; } = v1;

    /// <summary>The V2 production interface.</summary>
    public V2Marketplace V2 { get; } = v2;

    /// <summary>The V1 seller Key, which also encrypts V1 credentials.</summary>
    public string Key { get; } = key;

    /// <summary>The V2 access key, which also encrypts V2 credentials.</summary>
    public string AccessKey { get; } = accessKey;

    /// <summary>The Kit syncs of V1 (signed with the seller Key).</summary>
    public KitMarketplace? KitV1 { get; init; }

    /// <summary>The Kit syncs of V2, when the Kit access key was given.</summary>
    public KitMarketplace? KitV2 { get; init; }

    /// <summary>Encrypts client secrets with the seller's public key, when it was given.</summary>
    public ClientSecretSealer? Secrets { get; init; }

    /// <summary>The seller API, when its key was given: syncs are then checked through it.</summary>
    public SellerApiReader? Seller { get; init; }

    /// <summary>The seller's application reporting usage, when the usage key was given.</summary>
    public UsageReporter? Usage { get; init; }

    /// <summary>The activation code callbacks: the V2 production interface signed with the License key, when it was given.</summary>
    public V2Marketplace? LicenseCodes { get; init; }

    /// <summary>The seller's software on the License API, when its key was given.</summary>
    public LicenseClient? Licenses { get; init; }

    /// <summary>The fake open API the gateway queries orders from, when one runs.</summary>
    public FakeOpenApiControl? OpenApi { get; init; }

    /// <summary>The fake seller application the gateway delivers events to, when one runs.</summary>
    public FakeSellerApplicationControl? SellerApp { get; init; }

    /// <summary>The gateway's login endpoints, the fake auth center and the return address, when the run has both.</summary>
    public LoginSite? Login { get; init; }

    /// <summary>Hears every recorded step, for a progress display.</summary>
    public Action<StepOutcome>? StepRecorded { get; init; }

    /// <summary>The steps recorded so far.</summary>
    public IReadOnlyList<StepOutcome> Steps => _steps;

    /// <summary>The part a scenario needs; when the run lacks it the scenario is skipped, naming <paramref name="option"/>.</summary>
    public T Require<T>(T? part, string option) where T : class =>
        part ?? throw new ScenarioSkippedException($"needs {option}");

    /// <summary>Sends one call and checks its answer; a failed step ends the scenario.</summary>
    public async Task<MarketplaceAnswer> Step(string step, Func<Task<MarketplaceAnswer>> call, Expectation expectation)
    {
        MarketplaceAnswer answer;
        try
        {
            answer = await call();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Add(new StepOutcome(step, null, TimeSpan.Zero, $"no answer: {e.Message}"));
            throw new StepFailedException(step);
        }

        Record(step, answer.ResultCode, answer.Elapsed, Judge(answer, expectation));
        return answer;
    }

    /// <summary>Checks something outside the production interface (the seller API, the fake open API); a failure ends the scenario.</summary>
    public async Task Check(string step, Func<Task<string?>> check)
    {
        var clock = Stopwatch.StartNew();
        string? failure;
        try
        {
            failure = await check();
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException)
        {
            failure = $"no answer: {e.Message}";
        }

        Record(step, null, clock.Elapsed, failure);
    }

    /// <summary>Records a step whose checks the scenario made itself; a failure ends the scenario.</summary>
    public void Record(string step, string? resultCode, TimeSpan elapsed, string? failure)
    {
        Add(new StepOutcome(step, resultCode, elapsed, failure));
        if (failure is not null)
        {
            throw new StepFailedException(step);
        }
    }

    private void Add(StepOutcome outcome)
    {
        _steps.Add(outcome);
        StepRecorded?.Invoke(outcome);
    }

    private static string? Judge(MarketplaceAnswer answer, Expectation expectation)
    {
        if (answer.Problem is { } problem)
        {
            return problem;
        }

        if (!expectation.ResultCodes.Contains(answer.ResultCode))
        {
            return $"expected {string.Join(" or ", expectation.ResultCodes)}: {answer.ResultMsg}";
        }

        return expectation.Checks.Select(check => check(answer)).FirstOrDefault(reason => reason is not null);
    }
}
