using System.Text.Json;
using Provisioning.KooGallery;
using Provisioning.KooGallery.Kit;
using Provisioning.Marketplace.Callbacks;
using Provisioning.Testing;

namespace Provisioning.Gateway.Tests.KooGallery.History;

/// <summary>Every authentic marketplace call enters the history of the instances it touched, with its answer and never a secret (issue 12, item 2).</summary>
[Collection(GatewayCollection.Name)]
public sealed class CallHistoryTests(GatewayFactory factory)
{
    private readonly HttpClient _http = factory.CreateClient();

    private static void AssertCall(JsonElement call, string protocol, string activity, string? orderId, string resultCode)
    {
        Assert.Equal(protocol, call.GetProperty("protocol").GetString());
        Assert.Equal(activity, call.GetProperty("activity").GetString());
        Assert.Equal(orderId, call.GetProperty("orderId").GetString());
        Assert.Equal(resultCode, call.GetProperty("resultCode").GetString());
        Assert.False(string.IsNullOrEmpty(call.GetProperty("resultMessage").GetString()));
        Assert.Matches("^[0-9a-f]{32}$", call.GetProperty("traceId").GetString());
        Assert.True(call.GetProperty("latencyMs").GetDouble() > 0);
        Assert.InRange(call.GetProperty("at").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task V1_calls_are_recorded_newest_first_with_their_answers_and_without_the_key_token_or_credentials()
    {
        var marketplace = new V1Client(_http);
        var orderId = V1Orders.NewOrderId();
        var opened = await marketplace.Call("newInstance", V1Orders.NewInstance(orderId));
        var id = opened["instanceId"]!;
        Assert.True(new FieldCipher(GatewayFactory.Key, EncryptType.Aes256).TryDecrypt(opened.Json.GetProperty("appInfo").GetProperty("password").GetString(), out var password));
        var renewal = marketplace.Sign("refreshInstance", [("instanceId", id), ("orderId", "R1-" + orderId), ("expireTime", "20280131235959")]);
        Assert.Equal(ResultCodes.Success, (await marketplace.Send(renewal)).ResultCode);
        var forged = marketplace.Sign("expireInstance", [("instanceId", id), ("orderId", orderId)]);
        forged["authToken"] = "forged" + forged["authToken"][6..];
        Assert.Equal(ResultCodes.AuthenticationFailed, (await marketplace.Send(forged)).ResultCode);
        var test = await marketplace.Call("expireInstance", ("instanceId", id), ("orderId", orderId), ("testFlag", "1"));

        var (page, body) = await HistoryReader.ReadAsync(_http, id);

        var calls = HistoryReader.Calls(page);
        Assert.Equal(2, calls.Length);
        AssertCall(calls[0], "v1", "refreshInstance", "R1-" + orderId, ResultCodes.Success);
        AssertCall(calls[1], "v1", "newInstance", orderId, ResultCodes.Success);
        Assert.NotEqual(calls[0].GetProperty("traceId").GetString(), calls[1].GetProperty("traceId").GetString());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextCursor").ValueKind);
        foreach (var secret in new[] { GatewayFactory.Key, renewal["authToken"], password, opened.Json.GetProperty("appInfo").GetProperty("password").GetString()! })
        {
            Assert.DoesNotContain(secret, body);
        }

        var testCalls = HistoryReader.Calls((await HistoryReader.ReadAsync(_http, id, "?test=true")).Page);
        AssertCall(Assert.Single(testCalls), "v1", "expireInstance", orderId, test.ResultCode);
    }

    [Fact]
    public async Task A_Kit_sync_is_recorded_for_the_instance_it_names_and_never_with_its_client_secret()
    {
        var kit = new KitClient(_http, KitGeneration.V1);
        var (instanceId, tenantId) = ("inst-" + Guid.NewGuid().ToString("N")[..12], Guid.NewGuid().ToString("N"));
        var secret = KitClient.EncryptSecret("s3cret-of-the-app");

        var synced = await kit.Sync("applicationSync", new
        {
            instanceId, tenantId, appId = "app-1", clientId = "NzZeWuiJa91dPSRdZQChMaz", clientSecret = secret, flag = 1, testFlag = 0, timeStamp = KitMarketplace.Stamp(),
        });
        Assert.Equal(ResultCodes.Success, synced.ResultCode);

        var (page, body) = await HistoryReader.ReadAsync(_http, instanceId);
        AssertCall(Assert.Single(HistoryReader.Calls(page)), "kit-v1", "applicationSync", null, ResultCodes.Success);
        Assert.DoesNotContain(secret, body);
        Assert.DoesNotContain("s3cret-of-the-app", body);
        Assert.DoesNotContain(GatewayFactory.KitAccessKey, body);
    }

    [Fact]
    public async Task V2_calls_are_recorded_and_a_queryInstance_naming_several_instances_once_in_each()
    {
        var marketplace = new V2Client(_http);
        var (first, second) = (V1Orders.NewOrderId(), V1Orders.NewOrderId());
        var a = (await marketplace.Call("newInstance", ("businessId", Guid.NewGuid().ToString()), ("orderId", first), ("orderLineId", first + "-000001")))["instanceId"]!;
        var b = (await marketplace.Call("newInstance", ("businessId", Guid.NewGuid().ToString()), ("orderId", second), ("orderLineId", second + "-000001")))["instanceId"]!;

        var query = await marketplace.Call("queryInstance", ("instanceId", $"{a},{b},{a}"));
        Assert.Equal(ResultCodes.Success, query.ResultCode);

        foreach (var (id, orderId) in new[] { (a, first), (b, second) })
        {
            var (page, body) = await HistoryReader.ReadAsync(_http, id);
            var calls = HistoryReader.Calls(page);
            Assert.Equal(2, calls.Length);
            AssertCall(calls[0], "v2", "queryInstance", null, ResultCodes.Success);
            AssertCall(calls[1], "v2", "newInstance", orderId, ResultCodes.Success);
            Assert.DoesNotContain(GatewayFactory.AccessKey, body);
        }
    }
}
