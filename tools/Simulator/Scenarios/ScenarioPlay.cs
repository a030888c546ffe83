using Provisioning.Simulator.Marketplace;

namespace Provisioning.Simulator.Scenarios;

/// <summary>
/// One run of a scenario: the two marketplace clients, the keys the seller shares with the marketplace,
/// and the steps recorded so far.
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

    /// <summary>The steps recorded so far.</summary>
    public IReadOnlyList<StepOutcome> Steps => _steps;

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
            _steps.Add(new StepOutcome(step, null, TimeSpan.Zero, $"no answer: {e.Message}"));
            throw new StepFailedException(step);
        }

        Record(step, answer.ResultCode, answer.Elapsed, Judge(answer, expectation));
        return answer;
    }

    /// <summary>Records a step whose checks the scenario made itself; a failure ends the scenario.</summary>
    public void Record(string step, string? resultCode, TimeSpan elapsed, string? failure)
    {
        _steps.Add(new StepOutcome(step, resultCode, elapsed, failure));
        if (failure is not null)
        {
            throw new StepFailedException(step);
        }
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
