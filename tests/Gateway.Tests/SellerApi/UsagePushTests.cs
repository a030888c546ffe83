using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Provisioning.Grains;
using Provisioning.Grains.Instances;
using Provisioning.Grains.Usage;
using Provisioning.KooGallery;
using Provisioning.Marketplace.OpenApi;
using Provisioning.Testing;

namespace Provisioning.Gateway.Tests.SellerApi;

/// <summary>Closed hours travel to a fake KooGallery usage receiver that checks every signature and can fail on demand.</summary>
public sealed class UsagePushTests : IAsyncLifetime
{
    private FakeOpenApi _marketplaceUsage = null!;
    private MeteringGateway _gateway = null!;
    private V1Client _marketplace = null!;
    private UsageClient _seller = null!;

    public async Task InitializeAsync()
    {
        _marketplaceUsage = await TestOpenApi.StartAsync();
        _gateway = new MeteringGateway(_marketplaceUsage.BaseUrl.ToString());
        _marketplace = new V1Client(_gateway.CreateClient());
        _seller = new UsageClient(_gateway.CreateClient());
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _marketplaceUsage.DisposeAsync();
    }

    private DateTimeOffset Now => _gateway.Clock.GetUtcNow();

    private async Task<string> OpenPayPerUse()
    {
        var opened = await _marketplace.Call("newInstance", V1Orders.NewInstance(V1Orders.NewOrderId(), chargingMode: "0"));
        Assert.Equal(ResultCodes.Success, opened.ResultCode);
        return opened["instanceId"]!;
    }

    private async Task Report(string instanceId, decimal quantity, DateTimeOffset at) =>
        Assert.Equal("accepted", (await _seller.Report(UsageClient.Event(Guid.NewGuid().ToString(), instanceId, quantity, at))).Single().Status);

    private decimal Taken(string instanceId, DateTimeOffset at) =>
        _marketplaceUsage.Usage.Snapshot().TotalsByHour().GetValueOrDefault((instanceId, UsageHours.Start(at)));

    private Task<MeterStatement> Statement(string instanceId) =>
        _gateway.Services.GetRequiredService<IGrainFactory>().GetUsageMeter(new InstanceAddress(instanceId, Traffic.Live)).GetStatement();

    [Fact]
    public async Task Closed_hours_arrive_once_despite_errors_and_timeouts_and_late_usage_follows_as_a_correction()
    {
        var first = await OpenPayPerUse();
        var second = await OpenPayPerUse();
        var hour = Now;
        await Report(first, 1.5m, hour);
        await Report(first, 2m, hour);
        await Report(second, 4m, hour);
        foreach (var fault in new[] { UsageFault.Error, UsageFault.Timeout, UsageFault.Error }) _marketplaceUsage.Faults.Inject(fault, 1);

        _gateway.Clock.Advance(TimeSpan.FromHours(2));
        await Eventually.True(() => Taken(first, hour) == 3.5m && Taken(second, hour) == 4m, "both instances' hour is taken");

        await Report(first, 0.25m, hour);
        await Eventually.True(() => Taken(first, hour) == 3.75m, "the late usage is taken as a correction");

        Assert.Equal(0, _marketplaceUsage.Faults.Pending);
        var usage = _marketplaceUsage.Usage.Snapshot();
        Assert.Empty(usage.Conflicts);
        Assert.Equal(0, usage.RefusedPushes);
        Assert.True(usage.Deliveries() > 3, "the answer that came too late made the same records arrive twice");
        var records = (await Statement(first)).Records;
        Assert.Equal([0, 1], records.Select(r => r.Sequence).Order());
        Assert.Equal([3.5m, 0.25m], records.OrderBy(r => r.Sequence).Select(r => r.Value));
        await Eventually.True(async () => (await Statement(first)).Records.All(r => r.Status == MeteringRecordStatus.Pushed), "the records are marked pushed");
        Assert.Null((await Statement(first)).OldestUnpushedHour);
    }

    [Fact]
    public async Task A_refused_record_is_dead_lettered_alone_and_pushed_after_a_redrive()
    {
        var known = await OpenPayPerUse();
        var unknown = await OpenPayPerUse();
        _marketplaceUsage.Faults.DoNotKnow(unknown);
        var hour = Now;
        await Report(known, 1m, hour);
        await Report(unknown, 2m, hour);

        _gateway.Clock.Advance(TimeSpan.FromHours(2));
        await Eventually.True(() => Taken(known, hour) == 1m, "the other instance's record is taken");
        var admin = _gateway.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Api-Key", GatewayFactory.SellerAdminKey);
        await Eventually.True(async () => (await admin.GetFromJsonAsync<JsonElement>("/api/usage/outbox")).GetProperty("deadLettered").GetInt64() == 1, "the refused record is parked");

        var parked = Assert.Single((await admin.GetFromJsonAsync<JsonElement>("/api/usage/dead-letters")).EnumerateArray());
        Assert.Equal(unknown, parked.GetProperty("instanceId").GetString());
        Assert.Contains("MKT.9001", parked.GetProperty("lastError").GetString());
        Assert.Equal("deadLettered", parked.GetProperty("status").GetString());
        var statement = await admin.GetFromJsonAsync<JsonElement>($"/api/usage/instances/{unknown}");
        Assert.Equal(UsageHours.Start(hour), statement.GetProperty("oldestUnpushedHour").GetDateTimeOffset());

        _marketplaceUsage.Faults.Know(unknown);
        var redrive = await admin.PostAsync($"/api/usage/dead-letters/redrive?instanceId={unknown}", null);
        Assert.Equal(1, (await redrive.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("redriven").GetInt32());
        await Eventually.True(() => Taken(unknown, hour) == 2m, "the re-driven record is taken");
        Assert.Empty(_marketplaceUsage.Usage.Snapshot().Conflicts);
    }

    [Fact]
    public async Task A_record_beyond_the_marketplace_window_is_never_sent()
    {
        var instance = await OpenPayPerUse();
        var hour = Now;
        await Report(instance, 5m, hour);

        // Nothing ran for 22 days (say the push was stopped): the hour now begins beyond the 21 days the marketplace takes.
        _gateway.Clock.Advance(TimeSpan.FromDays(22));

        await Eventually.True(async () => (await Statement(instance)).Records is [{ Status: MeteringRecordStatus.DeadLettered }], "the record is dead-lettered");
        var record = Assert.Single((await Statement(instance)).Records);
        Assert.Contains("21 days", record.LastError);
        Assert.Equal(0m, Taken(instance, hour));
        Assert.DoesNotContain(_marketplaceUsage.Usage.Snapshot().Records, r => r.InstanceId == instance);
    }

    [Theory]
    [InlineData(UsageFault.Timeout)]
    [InlineData(UsageFault.Reset)]
    [InlineData(UsageFault.Error)]
    public async Task An_old_push_without_a_clear_answer_arrives_once_and_is_held_until_an_operator_decides(UsageFault fault)
    {
        await using var gateway = new MeteringGateway(_marketplaceUsage.BaseUrl.ToString(), settings: MeteringGateway.OldPush);
        var marketplace = new V1Client(gateway.CreateClient());
        var seller = new UsageClient(gateway.CreateClient());
        var admin = gateway.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Api-Key", GatewayFactory.SellerAdminKey);
        var opened = await marketplace.Call("newInstance", V1Orders.NewInstance(V1Orders.NewOrderId(), chargingMode: "0"));
        var instance = opened["instanceId"]!;
        var hour = gateway.Clock.GetUtcNow();
        Assert.Equal("accepted", (await seller.Report(UsageClient.Event(Guid.NewGuid().ToString(), instance, 2m, hour))).Single().Status);
        _marketplaceUsage.Faults.Inject(fault, 1);

        gateway.Clock.Advance(TimeSpan.FromHours(2));
        await Eventually.True(async () => (await admin.GetFromJsonAsync<JsonElement>("/api/usage/outbox")).GetProperty("held").GetInt64() == 1, "the record is held");

        // Long enough for several push rounds and retry delays: nothing is sent again by itself.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal(0, _marketplaceUsage.Faults.Pending);
        Assert.Equal(fault == UsageFault.Error ? 0 : 1, _marketplaceUsage.Usage.Snapshot().Records.Count(r => r.InstanceId == instance));
        Assert.Equal(0, _marketplaceUsage.Usage.Snapshot().RefusedPushes);
        var statement = await admin.GetFromJsonAsync<JsonElement>($"/api/usage/instances/{instance}");
        var record = Assert.Single(statement.GetProperty("records").EnumerateArray());
        Assert.Equal("held", record.GetProperty("status").GetString());
        Assert.Equal(UsageHours.Start(hour), statement.GetProperty("oldestUnpushedHour").GetDateTimeOffset());
        var held = Assert.Single((await admin.GetFromJsonAsync<JsonElement>("/api/usage/held")).EnumerateArray());
        Assert.Equal(instance, held.GetProperty("instanceId").GetString());

        // The operator looks in the seller console: a record that arrived is marked pushed, one that did not is re-sent.
        var arrived = _marketplaceUsage.Usage.Snapshot().Records.Any(r => r.InstanceId == instance);
        var resolved = await admin.PostAsync($"/api/usage/held/{(arrived ? "mark-pushed" : "resend")}?instanceId={instance}", null);
        Assert.Equal(1, (await resolved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("resolved").GetInt32());
        await Eventually.True(async () => (await gateway.Services.GetRequiredService<IGrainFactory>().GetUsageMeter(new InstanceAddress(instance, Traffic.Live)).GetStatement())
            .Records is [{ Status: MeteringRecordStatus.Pushed }], "the record is pushed");
        Assert.Equal(2m, _marketplaceUsage.Usage.Snapshot().Records.Where(r => r.InstanceId == instance).Sum(r => r.Value()));
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>("/api/usage/outbox")).GetProperty("held").GetInt64());
    }
}
