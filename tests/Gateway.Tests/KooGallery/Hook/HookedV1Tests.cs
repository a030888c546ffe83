using Microsoft.Extensions.DependencyInjection;
using Provisioning.Grains;
using Provisioning.Grains.Instances;
using Provisioning.KooGallery;
using Provisioning.Testing;

namespace Provisioning.Gateway.Tests.KooGallery.Hook;

[Collection(HookedGatewayCollection.Name)]
public sealed class HookedV1Tests(HookedGateway gateway)
{
    private readonly V1Client _marketplace = new(gateway.CreateClient());

    private static string InstanceOf(string orderId) => InstanceIds.Derive(OrderKey.ForOrder(orderId), Traffic.Live);

    private Task<InstanceSnapshot?> Stored(string orderId) =>
        gateway.Services.GetRequiredService<IGrainFactory>().GetInstance(new InstanceAddress(InstanceOf(orderId), Traffic.Live)).Get();

    private static string Decrypted(SignedAnswer answer, string field)
    {
        Assert.True(new FieldCipher(GatewayFactory.Key, EncryptType.Aes256).TryDecrypt(answer.Json.GetProperty("appInfo").GetProperty(field).GetString(), out var plain));
        return plain;
    }

    [Fact]
    public async Task An_application_that_answers_in_time_opens_the_instance_with_its_access_encrypted_as_usual()
    {
        var orderId = V1Orders.NewOrderId();

        var opened = await _marketplace.Call("newInstance", V1Orders.NewInstance(orderId));

        Assert.Equal(ResultCodes.Success, opened.ResultCode);
        Assert.Equal($"https://app.example.com/tenants/{orderId}", opened.Json.GetProperty("appInfo").GetProperty("frontEndUrl").GetString());
        Assert.Equal(($"owner-{orderId}", "tenant-password-1"), (Decrypted(opened, "userName"), Decrypted(opened, "password")));
        var request = Assert.Single(gateway.Application.ReceivedFor(orderId));
        Assert.Equal($"provision_{InstanceOf(orderId)}", request.WebhookId);
        Assert.Equal("instance.provision", request.Body.GetProperty("type").GetString());
        Assert.Equal(
            ["instanceId", "test", "orderId", "orderLineId", "customerId", "productId", "skuCode", "chargingMode", "amount", "periodType", "periodNumber", "trial", "expiresAt"],
            request.Data.EnumerateObject().Select(p => p.Name));
        Assert.Equal((InstanceOf(orderId), false, "periodic", "2027-01-31T23:59:59Z"),
            (request.Data.GetProperty("instanceId").GetString(), request.Data.GetProperty("test").GetBoolean(), request.Data.GetProperty("chargingMode").GetString(), request.Data.GetProperty("expiresAt").GetString()));
        Assert.Equal(0, gateway.Application.Refused);
    }

    [Fact]
    public async Task A_silent_application_gets_000005_and_the_retry_opens_with_its_late_answer_without_asking_again()
    {
        var orderId = V1Orders.NewOrderId();
        gateway.Application.Script(orderId, _ => new ReceiverAnswer(200, SellerApplicationReceiver.TenantAccess(orderId), Delay: TimeSpan.FromMilliseconds(1200)));

        var first = await _marketplace.Call("newInstance", V1Orders.NewInstance(orderId));

        Assert.Equal(ResultCodes.InternalError, first.ResultCode);
        Assert.Contains("the seller application was asked to create its tenant", first.ResultMsg);
        Assert.Contains("has not answered within 1 s", first.ResultMsg);
        Assert.Null(await Stored(orderId));

        await Task.Delay(TimeSpan.FromMilliseconds(600));
        var retry = await _marketplace.Call("newInstance", V1Orders.NewInstance(orderId));

        Assert.Equal(ResultCodes.Success, retry.ResultCode);
        Assert.Equal($"owner-{orderId}", Decrypted(retry, "userName"));
        Assert.Single(gateway.Application.ReceivedFor(orderId));
    }

    [Fact]
    public async Task An_application_that_refuses_or_times_out_is_asked_again_on_a_later_retry_with_the_same_webhook_id()
    {
        var orderId = V1Orders.NewOrderId();
        gateway.Application.Script(orderId, attempt => attempt switch
        {
            1 => new ReceiverAnswer(503, "{}"),
            2 => new ReceiverAnswer(200, SellerApplicationReceiver.TenantAccess(orderId), Delay: TimeSpan.FromSeconds(10)),
            _ => new ReceiverAnswer(200, SellerApplicationReceiver.TenantAccess(orderId)),
        });

        var refused = await _marketplace.Call("newInstance", V1Orders.NewInstance(orderId));
        var timedOut = await _marketplace.Call("newInstance", V1Orders.NewInstance(orderId));
        // A retry while the timed-out request is still in flight waits for it rather than sending another.
        var retries = new List<SignedAnswer>();
        while (retries.Count < 5 && retries.LastOrDefault()?.ResultCode != ResultCodes.Success)
        {
            retries.Add(await _marketplace.Call("newInstance", V1Orders.NewInstance(orderId)));
        }

        Assert.Equal(ResultCodes.InternalError, refused.ResultCode);
        Assert.Contains("has not created it: it answered HTTP 503", refused.ResultMsg);
        Assert.Equal(ResultCodes.InternalError, timedOut.ResultCode);
        Assert.Contains("has not answered within 1 s", timedOut.ResultMsg);
        Assert.Equal(ResultCodes.Success, retries[^1].ResultCode);
        Assert.Equal(Enumerable.Repeat($"provision_{InstanceOf(orderId)}", 3), gateway.Application.ReceivedFor(orderId).Select(r => r.WebhookId));
        Assert.Equal(0, gateway.Application.Refused);
    }

    [Fact]
    public async Task A_2xx_answer_that_is_not_json_is_not_taken_as_the_tenant()
    {
        var orderId = V1Orders.NewOrderId();
        gateway.Application.Script(orderId, _ => new ReceiverAnswer(200, "<html>ok</html>"));

        var answer = await _marketplace.Call("newInstance", V1Orders.NewInstance(orderId));

        Assert.Equal(ResultCodes.InternalError, answer.ResultCode);
        Assert.Contains("has not created it: its HTTP 200 answer is not JSON", answer.ResultMsg);
        Assert.Null(await Stored(orderId));
    }
}
