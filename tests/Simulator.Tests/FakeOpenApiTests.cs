using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Provisioning.KooGallery.OpenApi;
using Provisioning.KooGallery.Usage;
using Provisioning.Marketplace.OpenApi;

namespace Provisioning.Simulator.Tests;

/// <summary>The fake open API against the backend's own clients: the usage push client and the order query client.</summary>
public sealed class FakeOpenApiTests : IAsyncLifetime
{
    private const string Ak = "FAKEAKFAKEAKFAKEAK00";
    private const string Sk = "fake-secret-key";
    private const string AccessKey = "basic-access-key";

    private FakeOpenApi _api = null!;
    private HttpClient _controlHttp = null!;
    private FakeOpenApiControl _control = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeOpenApi.StartAsync(new FakeOpenApiOptions(0, Ak, Sk, AccessKey) { TimeoutHold = TimeSpan.FromSeconds(5) });
        _controlHttp = new HttpClient { BaseAddress = _api.BaseUrl };
        _control = new FakeOpenApiControl(_controlHttp);
    }

    public async Task DisposeAsync()
    {
        _controlHttp.Dispose();
        await _api.DisposeAsync();
    }

    // A generous per-attempt timeout: the machine running the tests may be busy; only the timeout test wants a short one.
    private ServiceProvider Clients(string accessKey = AccessKey, string secretKey = Sk, string timeout = "00:00:03", int retries = 2)
    {
        var configuration = Configuration(accessKey, secretKey, timeout, retries);
        return new ServiceCollection()
            .AddKooGalleryUsagePush(configuration).Services
            .AddKooGalleryOpenApi(configuration).Services
            .BuildServiceProvider();
    }

    private IConfiguration Configuration(string accessKey, string secretKey, string timeout, int retries) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["KooGallery:AccessKey"] = accessKey,
        ["KooGallery:OpenApi:BaseUrl"] = _api.BaseUrl.ToString(),
        ["KooGallery:OpenApi:FallbackBaseUrl"] = "",
        ["KooGallery:OpenApi:AccessKeyId"] = Ak,
        ["KooGallery:OpenApi:SecretAccessKey"] = secretKey,
        ["KooGallery:OpenApi:Timeout"] = timeout,
        ["KooGallery:OpenApi:MaxRetries"] = retries.ToString(),
        ["KooGallery:OpenApi:RetryDelay"] = "00:00:00.05",
    }).Build();

    // One hour for every record of a test: a re-sent record must be the same record, to the millisecond.
    private readonly DateTimeOffset _hourEnd = DateTimeOffset.UtcNow.AddHours(-1);

    private UsageRecord Record(string sn, decimal value = 1.5m) =>
        new("instance-1", _hourEnd.AddMinutes(5), _hourEnd.AddHours(-1), _hourEnd, value, sn, null);

    [Fact]
    public async Task A_signed_push_is_taken_a_resend_is_a_repeat_and_another_value_for_the_same_sn_is_a_conflict()
    {
        await using var clients = Clients();
        var usage = clients.GetRequiredService<UsagePushClient>();

        var first = await usage.PushAsync([Record("sn-1"), Record("sn-2")], CancellationToken.None);
        var resent = await usage.PushAsync([Record("sn-1")], CancellationToken.None);
        var changed = await usage.PushAsync([Record("sn-2", value: 7m)], CancellationToken.None);

        Assert.True(first.IsAccepted && resent.IsAccepted && changed.IsAccepted);
        var received = await _control.Usage();
        Assert.Equal(["sn-1", "sn-2"], received.Records.Select(r => r.MeteringSn));
        Assert.Equal("1.5", received.Records[0].UsageValue);
        Assert.Equal(1, received.Repeats);
        var conflict = Assert.Single(received.Conflicts);
        Assert.Equal(("sn-2", "1.5", "7"), (conflict.MeteringSn, conflict.First.UsageValue, conflict.Later.UsageValue));
        Assert.Equal(3, received.AcceptedPushes);
    }

    [Fact]
    public async Task A_push_signed_with_another_key_is_refused_with_MKT_0102_and_nothing_is_taken()
    {
        await using var clients = Clients(accessKey: "another-key");

        var result = await clients.GetRequiredService<UsagePushClient>().PushAsync([Record("sn-x")], CancellationToken.None);

        Assert.Equal((UsagePushOutcome.Permanent, "MKT.0102", 400), (result.Outcome, result.ErrorCode, result.HttpStatus));
        var received = _api.Usage.Snapshot();
        Assert.Empty(received.Records);
        Assert.Equal(1, received.RefusedPushes);
    }

    [Fact]
    public async Task An_injected_MKT_0999_is_retried_by_the_client_and_the_records_arrive_once()
    {
        await _control.InjectUsageFaults(UsageFault.Error, 2);
        await using var clients = Clients();

        var result = await clients.GetRequiredService<UsagePushClient>().PushAsync([Record("sn-e")], CancellationToken.None);

        Assert.True(result.IsAccepted);
        var received = _api.Usage.Snapshot();
        Assert.Equal("sn-e", Assert.Single(received.Records).MeteringSn);
        Assert.Equal(0, received.Repeats);
    }

    [Fact]
    public async Task Errors_beyond_the_client_retries_reach_the_caller_as_transient()
    {
        _api.Faults.Inject(UsageFault.Error, 3);
        await using var clients = Clients();

        var result = await clients.GetRequiredService<UsagePushClient>().PushAsync([Record("sn-f")], CancellationToken.None);

        Assert.Equal((UsagePushOutcome.Transient, "MKT.0999", 500), (result.Outcome, result.ErrorCode, result.HttpStatus));
        Assert.Empty(_api.Usage.Snapshot().Records);
    }

    [Fact]
    public async Task A_timed_out_push_was_taken_so_the_clients_resend_is_recognised_as_a_repeat()
    {
        await _control.InjectUsageFaults(UsageFault.Timeout, 1);
        await using var clients = Clients(timeout: "00:00:01");

        var result = await clients.GetRequiredService<UsagePushClient>().PushAsync([Record("sn-t")], CancellationToken.None);

        Assert.True(result.IsAccepted);
        var received = _api.Usage.Snapshot();
        Assert.Equal("sn-t", Assert.Single(received.Records).MeteringSn);
        Assert.Equal(1, received.Repeats);
        Assert.Empty(received.Conflicts);
    }

    [Fact]
    public async Task The_order_query_answers_a_registered_line_only_to_the_right_AK_SK()
    {
        await _control.Script("CS-FAKE-1", new OrderScript(OrderScript.OnDemand, ["CS-FAKE-1-000001", "CS-FAKE-1-000002"], "00301-p-0--0", "sku-1", 7));
        await using var clients = Clients();
        await using var wrong = Clients(secretKey: "not-the-sk");

        var order = await clients.GetRequiredService<OrderQueryClient>().QueryAsync("CS-FAKE-1", "CS-FAKE-1-000002", CancellationToken.None);
        var refused = await Assert.ThrowsAsync<OpenApiException>(() => wrong.GetRequiredService<OrderQueryClient>().QueryAsync("CS-FAKE-1", null, CancellationToken.None));

        var line = Assert.Single(order.Lines);
        Assert.Equal(("CS-FAKE-1-000002", OrderChargingMode.OnDemand), (line.OrderLineId, line.ChargingMode));
        Assert.Equal(("00301-p-0--0", "sku-1", 7L), (line.Products[0].ProductId, line.Products[0].SkuCode, line.Products[0].LinearValue));
        Assert.Contains("APIGW.0303", refused.Message);
        Assert.Equal(new OrderTrace(1, 1), await _control.Trace("CS-FAKE-1"));
    }

    [Fact]
    public async Task Scripted_failures_answer_MKT_0999_before_the_order_and_unknown_orders_are_not_found()
    {
        _api.Orders.Script("CS-FAKE-2", new OrderScript(OrderScript.Period, ["CS-FAKE-2-000001"], "00301-p-0--0", "sku-1", 1, FailFirstQueries: 2));
        // Spare retries: on a busy machine an attempt can time out before it reaches the fake.
        await using var clients = Clients(retries: 5);
        var orders = clients.GetRequiredService<OrderQueryClient>();

        var order = await orders.QueryAsync("CS-FAKE-2", null, CancellationToken.None);
        var unknown = await Assert.ThrowsAsync<OpenApiException>(() => orders.QueryAsync("CS-NEVER", null, CancellationToken.None));

        Assert.Equal("CS-FAKE-2", order.OrderId);
        Assert.True(_api.Orders.Trace("CS-FAKE-2")!.Queries >= 3, "the order was answered before two scripted failures");
        Assert.Contains("MKT.9001", unknown.Message);
        Assert.Null(await _control.Trace("CS-NEVER"));
    }
}
