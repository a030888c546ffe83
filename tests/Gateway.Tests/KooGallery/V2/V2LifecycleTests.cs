using Microsoft.Extensions.DependencyInjection;
using Provisioning.Grains;
using Provisioning.Grains.Instances;
using Provisioning.KooGallery;
using Provisioning.Marketplace.Callbacks;
using Provisioning.Testing;

namespace Provisioning.Gateway.Tests.KooGallery.V2;

[Collection(GatewayCollection.Name)]
public sealed class V2LifecycleTests(GatewayFactory factory)
{
    private readonly V2Client _marketplace = new(factory.CreateClient());

    private Task<InstanceSnapshot?> Stored(string instanceId, Traffic traffic = Traffic.Live) =>
        factory.Services.GetRequiredService<IGrainFactory>().GetInstance(new InstanceAddress(instanceId, traffic)).Get();

    private static (string, object?)[] Line(string orderId) => [("businessId", Guid.NewGuid().ToString()), ("orderId", orderId), ("orderLineId", orderId + "-000001")];

    [Fact]
    public async Task A_full_lifecycle_answers_success_at_every_step()
    {
        var orderId = V1Orders.NewOrderId();
        var opened = await _marketplace.Call("newInstance", Line(orderId));
        Assert.Equal(ResultCodes.Success, opened.ResultCode);
        var id = opened["instanceId"]!;
        (string, object?) instance = ("instanceId", id);

        var query = await _marketplace.Call("queryInstance", instance);
        Assert.Equal(ResultCodes.Success, query.ResultCode);
        var appInfo = query.Json.GetProperty("info")[0].GetProperty("appInfo");
        Assert.True(new FieldCipher(GatewayFactory.AccessKey, EncryptType.Aes256).TryDecrypt(appInfo.GetProperty("userName").GetString(), out var userName));
        Assert.Equal("admin", userName);

        var renewal = V1Orders.NewOrderId();
        Assert.Equal(ResultCodes.Success, (await _marketplace.Call("refreshInstance", instance, ("orderId", renewal), ("orderLineId", renewal + "-000001"), ("scene", "RENEWAL"), ("expireTime", "20300101000000"))).ResultCode);
        Assert.Equal(ResultCodes.Success, (await _marketplace.Call("updateInstanceStatus", instance, ("status", "FREEZE"))).ResultCode);
        Assert.Equal(InstanceStatus.Frozen, (await Stored(id))!.Status);
        Assert.Equal(ResultCodes.Success, (await _marketplace.Call("updateInstanceStatus", instance, ("status", "UNFREEZE"))).ResultCode);

        var change = V1Orders.NewOrderId();
        ScriptedOrders.Script(change, line => Task.FromResult(ScriptedOrders.Line(change, line, sku: "sku-pro", amount: 30)));
        Assert.Equal(ResultCodes.Success, (await _marketplace.Call("changeInstanceCheck", instance, ("productInfo", new { productId = "p", skuCode = "sku-pro", linearValue = 30, productName = "Pro" }))).ResultCode);
        Assert.Equal(ResultCodes.Success, (await _marketplace.Call("upgradeInstance", instance, ("orderId", change), ("orderLineId", change + "-000001"))).ResultCode);
        Assert.Equal(ResultCodes.Success, (await _marketplace.Call("releaseInstance", instance, ("orderId", V1Orders.NewOrderId()))).ResultCode);
        Assert.Equal(ResultCodes.Success, (await _marketplace.Call("releaseInstance", instance)).ResultCode);

        var stored = await Stored(id);
        Assert.Equal(InstanceStatus.Released, stored!.Status);
        Assert.Equal(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), stored.ExpiresAt);
        Assert.Equal("sku-pro", stored.Plan!.SkuCode);
        Assert.Equal(30, stored.Plan.Quantities.Amount);
    }

    [Fact]
    public async Task A_repeated_newInstance_returns_the_same_instance()
    {
        var orderId = V1Orders.NewOrderId();

        var first = await _marketplace.Call("newInstance", Line(orderId));
        var repeat = await _marketplace.Call("newInstance", Line(orderId));

        Assert.Equal(ResultCodes.Success, repeat.ResultCode);
        Assert.Equal(first["instanceId"], repeat["instanceId"]);
        Assert.Equal(1, ScriptedOrders.CallsFor(orderId));
    }

    [Fact]
    public async Task Slow_provisioning_answers_000004_and_finishes_in_the_background()
    {
        var orderId = V1Orders.NewOrderId();
        var order = new TaskCompletionSource<Provisioning.Grains.Orders.OrderLine>();
        ScriptedOrders.Script(orderId, _ => order.Task);

        var accepted = await _marketplace.Call("newInstance", Line(orderId));
        Assert.Equal(ResultCodes.InProgress, accepted.ResultCode);
        var id = accepted["instanceId"]!;
        var polled = await _marketplace.Call("queryInstance", ("instanceId", id));
        Assert.Equal(ResultCodes.InProgress, polled.ResultCode);
        Assert.Empty(polled.Json.GetProperty("info").EnumerateArray());

        order.SetResult(ScriptedOrders.Line(orderId, orderId + "-000001"));
        SignedAnswer done;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        do
        {
            await Task.Delay(100);
            done = await _marketplace.Call("queryInstance", ("instanceId", id));
        }
        while (done.ResultCode != ResultCodes.Success && DateTime.UtcNow < deadline);

        Assert.Equal(ResultCodes.Success, done.ResultCode);
        Assert.StartsWith("https://", done.Json.GetProperty("info")[0].GetProperty("appInfo").GetProperty("frontEndUrl").GetString());
        Assert.Equal(ResultCodes.Success, (await _marketplace.Call("newInstance", Line(orderId))).ResultCode);
    }

    [Fact]
    public async Task Saved_debug_cases_pass_when_replayed_in_any_order()
    {
        var orderId = "MOCKPERIODYEARNEW";
        (string, object?) test = ("testFlag", "1");
        var opened = await _marketplace.Call("newInstance", [.. Line(orderId), test]);
        (string, object?) instance = ("instanceId", opened["instanceId"]);

        var release = await _marketplace.Call("releaseInstance", instance, test);
        var refreshAfterRelease = await _marketplace.Call("refreshInstance", instance, ("orderId", "MOCKMONTYRENEW"), ("orderLineId", "MOCKMONTYRENEW-000001"), ("scene", "RENEWAL"), ("expireTime", "20300101000000"), test);
        var freezeUnknown = await _marketplace.Call("updateInstanceStatus", ("instanceId", Guid.NewGuid().ToString()), ("status", "FREEZE"), test);

        Assert.Equal(ResultCodes.Success, opened.ResultCode);
        Assert.Equal(ResultCodes.Success, release.ResultCode);
        Assert.Equal(ResultCodes.Success, refreshAfterRelease.ResultCode);
        Assert.Equal(ResultCodes.Success, freezeUnknown.ResultCode);
        Assert.Equal(0, ScriptedOrders.CallsFor(orderId));
        Assert.Null(await Stored(opened["instanceId"]!));
    }

    [Fact]
    public async Task A_timestamp_in_seconds_is_accepted()
    {
        var body = V2Marketplace.Body("queryInstance", ("instanceId", "x"));

        var answer = await _marketplace.Send(body, timestamp: DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString());

        Assert.Equal(ResultCodes.Success, answer.ResultCode);
    }

    [Fact]
    public async Task A_lowercase_signature_is_accepted()
    {
        var body = V2Marketplace.Body("queryInstance", ("instanceId", "x"));
        var (nonce, timestamp) = (V2Marketplace.NewNonce(), V2Marketplace.Now());

        var answer = await _marketplace.SendSigned(body, V2Signature.Compute(body, GatewayFactory.AccessKey, nonce, timestamp).ToLowerInvariant(), nonce, timestamp);

        Assert.Equal(ResultCodes.Success, answer.ResultCode);
    }
}
