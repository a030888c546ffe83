using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Provisioning.Grains.Licenses;
using Provisioning.Infrastructure.KooGallery;
using Provisioning.KooGallery.OpenApi.Licenses;
using Provisioning.Marketplace.OpenApi;

namespace Provisioning.Infrastructure.Tests.KooGallery;

/// <summary>The activation code port's adapter against the fake open API, over the real clients and their pipeline.</summary>
public sealed class KooGalleryActivationCodesTests : IAsyncLifetime
{
    private const string Ak = "FAKEAKFAKEAKFAKEAK00";
    private const string Sk = "fake-secret-key-not-for-logs";

    private static readonly DateTimeOffset Expiry = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private FakeOpenApi _api = null!;

    public async Task InitializeAsync() =>
        _api = await FakeOpenApi.StartAsync(new FakeOpenApiOptions(0, Ak, Sk, "basic-access-key") { TimeoutHold = TimeSpan.FromSeconds(5) });

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private ServiceProvider Services(string? secretKey = Sk, string timeout = "00:00:03", int retries = 2)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["KooGallery:OpenApi:BaseUrl"] = _api.BaseUrl.ToString(),
            ["KooGallery:OpenApi:FallbackBaseUrl"] = "",
            ["KooGallery:OpenApi:AccessKeyId"] = Ak,
            ["KooGallery:OpenApi:SecretAccessKey"] = secretKey,
            ["KooGallery:OpenApi:Timeout"] = timeout,
            ["KooGallery:OpenApi:MaxRetries"] = retries.ToString(),
            ["KooGallery:OpenApi:RetryDelay"] = "00:00:00.05",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddKooGalleryActivationCodes(configuration);
        services.AddTransient<IActivationCodeMarketplace, KooGalleryActivationCodes>();
        return services.BuildServiceProvider();
    }

    private static IActivationCodeMarketplace Port(ServiceProvider services) => services.GetRequiredService<IActivationCodeMarketplace>();

    private void Code(string code, bool claimed = true, bool activated = false) =>
        _api.Codes.Add(code, new CodeScript(claimed, activated, ExpireTime: Expiry, ProductId: "00301-777-0--0", OrderId: "CS-ORDER-7", Amount: 3));

    [Fact]
    public async Task A_claimed_code_activates_and_then_queries_alive_with_its_order()
    {
        Code("PL-OK");
        await using var services = Services();
        var effective = new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);

        var activated = await Port(services).ActivateAsync("PL-OK", effective, CancellationToken.None);
        var queried = await Port(services).QueryAsync("PL-OK", CancellationToken.None);

        Assert.Equal(new CodeCheck(CodeCheckOutcome.Alive, "92020000", "92020000 (HTTP 200): success", Expiry, null, "00301-777-0--0", "CS-ORDER-7", 3), activated);
        Assert.Equal((CodeCheckOutcome.Alive, Expiry, "CS-ORDER-7"), (queried.Outcome, queried.ExpiresAt, queried.OrderId));
        Assert.NotNull(queried.ActivatedAt);
        var trace = _api.Codes.Trace("PL-OK")!;
        Assert.Equal((true, 1, 1, "20260101080000"), (trace.Activated, trace.Activations, trace.Queries, trace.RealEffectTime));
    }

    [Fact]
    public async Task Each_refusal_of_the_marketplace_becomes_its_outcome()
    {
        Code("PL-TWICE");
        Code("PL-UNCLAIMED", claimed: false);
        Code("PL-NEW");
        await using var services = Services();
        var port = Port(services);

        await port.ActivateAsync("PL-TWICE", null, CancellationToken.None);
        var twice = await port.ActivateAsync("PL-TWICE", null, CancellationToken.None);
        var unclaimed = await port.ActivateAsync("PL-UNCLAIMED", null, CancellationToken.None);
        var unknown = await port.ActivateAsync("PL-NOPE", null, CancellationToken.None);
        var notActivated = await port.QueryAsync("PL-NEW", CancellationToken.None);
        var tooLong = await port.QueryAsync(new string('P', 65), CancellationToken.None);

        Assert.Equal((CodeCheckOutcome.AlreadyActivated, "92020003"), (twice.Outcome, twice.ResultCode));
        Assert.Equal((CodeCheckOutcome.NotClaimed, "92020004"), (unclaimed.Outcome, unclaimed.ResultCode));
        Assert.Equal((CodeCheckOutcome.NotFound, "92020005"), (unknown.Outcome, unknown.ResultCode));
        Assert.Equal((CodeCheckOutcome.NotActivated, "92020011"), (notActivated.Outcome, notActivated.ResultCode));
        Assert.Equal((CodeCheckOutcome.NotFound, ""), (tooLong.Outcome, tooLong.ResultCode));
        Assert.Contains("longer than 64", tooLong.Message);
    }

    [Fact]
    public async Task A_renewal_freeze_or_release_played_by_the_simulator_shows_in_the_next_query()
    {
        Code("PL-LIFE", activated: true);
        await using var services = Services();
        var port = Port(services);
        var renewed = Expiry.AddYears(1);

        _api.Codes.Change("PL-LIFE", new CodeChange(Status: CodeStatus.Expired));
        var expired = await port.QueryAsync("PL-LIFE", CancellationToken.None);
        _api.Codes.Change("PL-LIFE", new CodeChange(ExpireTime: renewed, Status: CodeStatus.Alive));
        var alive = await port.QueryAsync("PL-LIFE", CancellationToken.None);
        _api.Codes.Change("PL-LIFE", new CodeChange(ExpireTime: DateTimeOffset.UtcNow.AddMinutes(-1)));
        var lapsed = await port.QueryAsync("PL-LIFE", CancellationToken.None);
        _api.Codes.Change("PL-LIFE", new CodeChange(Status: CodeStatus.Released));
        var released = await port.QueryAsync("PL-LIFE", CancellationToken.None);

        Assert.Equal(CodeCheckOutcome.Expired, expired.Outcome);
        Assert.Equal((CodeCheckOutcome.Alive, renewed), (alive.Outcome, alive.ExpiresAt));
        Assert.Equal(CodeCheckOutcome.Expired, lapsed.Outcome);
        Assert.Equal(CodeCheckOutcome.Released, released.Outcome);
    }

    [Fact]
    public async Task A_server_error_is_retried_and_the_code_activated_once()
    {
        Code("PL-BUSY");
        _api.Codes.Inject("PL-BUSY", CodeFault.ServerError, 1);
        _api.Codes.Inject("PL-BUSY", CodeFault.InternalError, 1);
        await using var services = Services();

        var check = await Port(services).ActivateAsync("PL-BUSY", null, CancellationToken.None);

        Assert.Equal(CodeCheckOutcome.Alive, check.Outcome);
        Assert.Equal((2, 1), (_api.Codes.Trace("PL-BUSY")!.FaultsPlayed, _api.Codes.Trace("PL-BUSY")!.Activations));
    }

    [Fact]
    public async Task Internal_errors_beyond_the_retries_are_unavailable_and_unauthorized_is_refused_at_once()
    {
        Code("PL-DOWN");
        Code("PL-AUTH");
        _api.Codes.Inject("PL-DOWN", CodeFault.ServerError, 3);
        _api.Codes.Inject("PL-AUTH", CodeFault.Unauthorized, 1);
        await using var services = Services();

        var down = await Port(services).QueryAsync("PL-DOWN", CancellationToken.None);
        var auth = await Port(services).QueryAsync("PL-AUTH", CancellationToken.None);

        Assert.Equal((CodeCheckOutcome.Unavailable, "92020001", "92020001 (HTTP 500): internal error"), (down.Outcome, down.ResultCode, down.Message));
        Assert.Equal((CodeCheckOutcome.Refused, "92020001"), (auth.Outcome, auth.ResultCode));
        Assert.Equal((3, 0), (_api.Codes.Trace("PL-DOWN")!.FaultsPlayed, _api.Codes.Trace("PL-DOWN")!.Queries));
        Assert.Equal((1, 0), (_api.Codes.Trace("PL-AUTH")!.FaultsPlayed, _api.Codes.Trace("PL-AUTH")!.Queries));
    }

    [Fact]
    public async Task An_activation_whose_answer_never_came_is_unavailable_and_its_retry_meets_already_activated()
    {
        Code("PL-SLOW");
        Code("PL-SLOW-2");
        _api.Codes.Inject("PL-SLOW", CodeFault.Timeout, 1);
        _api.Codes.Inject("PL-SLOW-2", CodeFault.Timeout, 1);
        // Long enough for a busy machine to deliver the request before the attempt gives up, shorter than the fake's hold.
        await using var once = Services(timeout: "00:00:01.500", retries: 0);
        await using var retried = Services(timeout: "00:00:01.500", retries: 1);

        var unanswered = await Port(once).ActivateAsync("PL-SLOW", null, CancellationToken.None);
        var retry = await Port(retried).ActivateAsync("PL-SLOW-2", null, CancellationToken.None);

        Assert.Equal((CodeCheckOutcome.Unavailable, ""), (unanswered.Outcome, unanswered.ResultCode));
        Assert.Equal(CodeCheckOutcome.AlreadyActivated, retry.Outcome);
        Assert.True(_api.Codes.Trace("PL-SLOW")!.Activated);
    }

    [Fact]
    public async Task A_wrong_secret_key_is_refused_after_one_fresh_signature_and_never_shows_the_key()
    {
        Code("PL-KEY");
        await using var services = Services(secretKey: "another-secret-key");

        var check = await Port(services).QueryAsync("PL-KEY", CancellationToken.None);

        Assert.Equal((CodeCheckOutcome.Refused, "APIGW.0303"), (check.Outcome, check.ResultCode));
        Assert.Equal(2, _api.Codes.BadSignatures);
        Assert.Equal(0, _api.Codes.Trace("PL-KEY")!.Queries);
        Assert.DoesNotContain("another-secret-key", check.Message);
    }

    [Fact]
    public async Task Without_an_ak_sk_every_call_is_refused_without_throwing()
    {
        await using var services = Services(secretKey: null);

        var check = await Port(services).ActivateAsync("PL-1", null, CancellationToken.None);
        var usage = await Port(services).ReportUsageAsync([new CodeUsage("PL-1", ["u"], null)], CancellationToken.None);

        Assert.Equal(CodeCheckOutcome.Refused, check.Outcome);
        Assert.Contains("SecretAccessKey is not set", check.Message);
        Assert.Equal((false, false), (usage.Accepted, usage.Transient));
    }

    [Fact]
    public async Task Usage_is_taken_for_activated_codes_and_the_others_come_back_rejected()
    {
        Code("PL-USED", activated: true);
        Code("PL-IDLE");
        await using var services = Services();

        var result = await Port(services).ReportUsageAsync(
            [new CodeUsage("PL-USED", ["user-1", "user-2"], 4), new CodeUsage("PL-IDLE", ["user-3"], null), new CodeUsage("PL-GONE", [], 1)],
            CancellationToken.None);

        Assert.Equal((true, false, "92020000", "92020000 (HTTP 200): success"), (result.Accepted, result.Transient, result.ResultCode, result.Message));
        Assert.Equal(["PL-IDLE", "PL-GONE"], result.RejectedCodes);
        var trace = _api.Codes.Trace("PL-USED")!;
        Assert.Equal(["user-1", "user-2"], trace.UsageIds);
        Assert.Equal(4, trace.LastActiveNum);
        Assert.Equal(0, _api.Codes.Trace("PL-IDLE")!.UsageReports);
    }

    [Fact]
    public async Task A_report_the_marketplace_cannot_take_is_refused_as_not_transient()
    {
        await using var services = Services();

        var result = await Port(services).ReportUsageAsync([.. Enumerable.Range(0, 101).Select(i => new CodeUsage($"PL{i}", ["u"], null))], CancellationToken.None);

        Assert.Equal((false, false), (result.Accepted, result.Transient));
        Assert.Contains("1 to 100 codes", result.Message);
    }

    [Fact]
    public async Task Cancellation_is_the_one_thing_that_throws()
    {
        Code("PL-CANCEL");
        _api.Codes.Inject("PL-CANCEL", CodeFault.Timeout, 1);
        await using var services = Services();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Port(services).QueryAsync("PL-CANCEL", cancel.Token));
    }
}
