using Provisioning.Grains.Instances;
using Provisioning.KooGallery;
using Provisioning.Testing;

namespace Provisioning.Gateway.Tests.KooGallery.Hook;

[Collection(HookedGatewayCollection.Name)]
public sealed class HookedV2Tests(HookedGateway gateway)
{
    private readonly V2Client _marketplace = new(gateway.CreateClient());

    private static (string, object?)[] Line(string orderId) => [("businessId", Guid.NewGuid().ToString()), ("orderId", orderId), ("orderLineId", orderId + "-000001")];

    private static string InstanceOf(string orderId) => InstanceIds.Derive(OrderKey.ForOrderLine(orderId, orderId + "-000001"), Traffic.Live);

    [Fact]
    public async Task An_application_that_answers_in_time_opens_the_line_with_its_access()
    {
        var orderId = V1Orders.NewOrderId();

        var opened = await _marketplace.Call("newInstance", Line(orderId));

        Assert.Equal(ResultCodes.Success, opened.ResultCode);
        var query = await _marketplace.Call("queryInstance", ("instanceId", opened["instanceId"]));
        var appInfo = query.Json.GetProperty("info")[0].GetProperty("appInfo");
        Assert.Equal($"https://app.example.com/tenants/{orderId}", appInfo.GetProperty("frontEndUrl").GetString());
        Assert.True(new FieldCipher(GatewayFactory.AccessKey, EncryptType.Aes256).TryDecrypt(appInfo.GetProperty("password").GetString(), out var password));
        Assert.Equal("tenant-password-1", password);
        Assert.Equal(orderId + "-000001", Assert.Single(gateway.Application.ReceivedFor(orderId)).Data.GetProperty("orderLineId").GetString());
    }

    [Fact]
    public async Task A_silent_application_gets_000004_and_the_reminder_asks_again_until_the_line_opens()
    {
        var orderId = V1Orders.NewOrderId();
        gateway.Application.Script(orderId, attempt => attempt == 1
            ? new ReceiverAnswer(200, SellerApplicationReceiver.TenantAccess(orderId), Delay: TimeSpan.FromSeconds(10))
            : new ReceiverAnswer(200, SellerApplicationReceiver.TenantAccess(orderId)));

        var accepted = await _marketplace.Call("newInstance", Line(orderId));

        Assert.Equal(ResultCodes.InProgress, accepted.ResultCode);
        Assert.Equal(InstanceOf(orderId), accepted["instanceId"]);
        Assert.Equal(ResultCodes.InProgress, (await _marketplace.Call("queryInstance", ("instanceId", InstanceOf(orderId)))).ResultCode);
        await Eventually.True(
            async () => (await _marketplace.Call("queryInstance", ("instanceId", InstanceOf(orderId)))).ResultCode == ResultCodes.Success,
            "the line opened", TimeSpan.FromSeconds(15));
        var repeat = await _marketplace.Call("newInstance", Line(orderId));
        Assert.Equal(ResultCodes.Success, repeat.ResultCode);
        Assert.Equal(Enumerable.Repeat($"provision_{InstanceOf(orderId)}", 2), gateway.Application.ReceivedFor(orderId).Select(r => r.WebhookId));
        Assert.Equal(0, gateway.Application.Refused);
    }
}
