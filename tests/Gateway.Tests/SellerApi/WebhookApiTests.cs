using System.Net;
using System.Net.Http.Json;
using Provisioning.Gateway.SellerApi;
using Provisioning.KooGallery;
using Provisioning.KooGallery.Kit;
using Provisioning.Marketplace.Callbacks;
using Provisioning.Testing;

namespace Provisioning.Gateway.Tests.SellerApi;

/// <summary>
/// The operator's webhook endpoints (admin key) over a gateway whose seller application never answers: a tenant sync's
/// event shows in the outbox with its last error, becomes a dead letter after its age, and a re-drive makes it pending.
/// </summary>
public sealed class WebhookApiTests : IAsyncLifetime
{
    private sealed class UnreachableApplication : GatewayFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
        {
            // Nothing listens there: every delivery is a refused connection.
            ["SellerApplication:EventsUrl"] = $"http://127.0.0.1:{FreePort()}/events",
            ["SellerApplication:SigningSecret"] = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            ["SellerApplication:RequestTimeout"] = "00:00:01",
            ["SellerApplication:PollPeriod"] = "00:00:00.050",
            ["SellerApplication:RetryDelay"] = "00:00:00.100",
            ["SellerApplication:MaxRetryDelay"] = "00:00:00.200",
            ["SellerApplication:DeadLetterAfter"] = "00:00:01",
        };
    }

    private readonly UnreachableApplication _gateway = new();
    private HttpClient _admin = null!;

    public Task InitializeAsync()
    {
        _admin = _gateway.CreateClient();
        _admin.DefaultRequestHeaders.Add("X-Api-Key", GatewayFactory.SellerAdminKey);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    private async Task<string> SyncDepartment(string orgCode)
    {
        var tenantId = Guid.NewGuid().ToString("N");
        var kit = new KitClient(_gateway.CreateClient(), KitGeneration.V2);
        var answer = await kit.Sync("singleOrgSync", new { instanceId = "i-1", tenantId, orgCode, orgName = "R&D", parentCode = "", flag = 1, testFlag = 0, timeStamp = KitMarketplace.Stamp() });
        Assert.Equal(ResultCodes.Success, answer.ResultCode);
        return tenantId;
    }

    private async Task<OutboxPage> Page(string path) => (await _admin.GetFromJsonAsync<OutboxPage>(path))!;

    [Fact]
    public async Task A_failing_event_shows_its_error_becomes_a_dead_letter_and_is_redriven()
    {
        var tenantId = await SyncDepartment("10001");

        await Eventually.True(async () => (await Page("/api/webhooks/outbox")).Events.Any(e => e.Attempts > 0), "a delivery failed");
        var pending = Assert.Single((await Page("/api/webhooks/outbox")).Events);
        Assert.Equal(("tenant:live/" + tenantId, "tenant.departments.changed"), (pending.Stream, pending.Type));
        Assert.StartsWith("Connection failed", pending.LastError);

        await Eventually.True(async () => (await Page("/api/webhooks/dead-letters")).Events.Count == 1, "the event was dead-lettered");
        var dead = Assert.Single((await Page("/api/webhooks/dead-letters")).Events);
        Assert.Equal(pending.EventId, dead.EventId);
        Assert.NotNull(dead.DeadAt);
        Assert.Empty((await Page("/api/webhooks/outbox")).Events);

        using var redriven = await _admin.PostAsync($"/api/webhooks/dead-letters/{dead.EventId}/redrive", null);
        Assert.Equal(1, (await redriven.Content.ReadFromJsonAsync<WebhookRedriveResult>())!.Redriven);
        Assert.Contains((await Page("/api/webhooks/outbox")).Events, e => e.EventId == dead.EventId);

        await Eventually.True(async () => (await Page("/api/webhooks/dead-letters")).Events.Count == 1, "the re-driven event failed its age again");
        using var all = await _admin.PostAsync("/api/webhooks/dead-letters/redrive", null);
        Assert.Equal(1, (await all.Content.ReadFromJsonAsync<WebhookRedriveResult>())!.Redriven);
    }

    [Fact]
    public async Task Pages_follow_the_cursor_to_the_last_page()
    {
        var tenants = new List<string>();
        for (var i = 0; i < 3; i++) tenants.Add(await SyncDepartment($"1000{i}"));

        var first = await Page("/api/webhooks/outbox?limit=2");
        var last = await Page($"/api/webhooks/outbox?limit=2&cursor={first.NextCursor}");

        Assert.Equal(tenants.Select(t => "tenant:live/" + t), first.Events.Concat(last.Events).Select(e => e.Stream));
        Assert.Null(last.NextCursor);
    }

    [Theory]
    [InlineData("/api/webhooks/outbox?limit=0", "limit")]
    [InlineData("/api/webhooks/outbox?limit=1001", "limit")]
    [InlineData("/api/webhooks/dead-letters?cursor=abc", "cursor")]
    [InlineData("/api/webhooks/dead-letters?cursor=-5", "cursor")]
    public async Task A_bad_page_parameter_is_a_400_naming_it(string path, string parameter)
    {
        using var response = await _admin.GetAsync(path);

        Assert.Contains(parameter, await Problem.Detail(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Redriving_an_unknown_event_is_a_404()
    {
        using var response = await _admin.PostAsync("/api/webhooks/dead-letters/evt_unknown/redrive", null);

        Assert.Contains("evt_unknown", await Problem.Detail(response, HttpStatusCode.NotFound));
    }

    [Theory]
    [InlineData("GET", "/api/webhooks/outbox")]
    [InlineData("GET", "/api/webhooks/dead-letters")]
    [InlineData("POST", "/api/webhooks/dead-letters/redrive")]
    [InlineData("POST", "/api/webhooks/dead-letters/evt_1/redrive")]
    public async Task The_read_key_is_a_401_naming_the_admin_key(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add("X-Api-Key", GatewayFactory.SellerApiKey);

        using var response = await _gateway.CreateClient().SendAsync(request);

        Assert.Contains("admin key", await Problem.Detail(response, HttpStatusCode.Unauthorized));
    }
}
