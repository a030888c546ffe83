using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Provisioning.Grains;
using Provisioning.Grains.Instances;
using Provisioning.KooGallery;
using Provisioning.Marketplace.Callbacks;
using Provisioning.Testing;

namespace Provisioning.Gateway.Tests.KooGallery.V2;

[Collection(GatewayCollection.Name)]
public sealed class V2BadInputTests(GatewayFactory factory)
{
    private readonly V2Client _marketplace = new(factory.CreateClient());

    private static byte[] NewInstanceBody(string orderId) =>
        V2Marketplace.Body("newInstance", ("businessId", "b-1"), ("orderId", orderId), ("orderLineId", orderId + "-000001"));

    private async Task AssertNeverProvisioned(string orderId)
    {
        var id = InstanceIds.Derive(OrderKey.ForOrderLine(orderId, orderId + "-000001"), Traffic.Live);
        Assert.Null(await factory.Services.GetRequiredService<IGrainFactory>().GetInstance(new InstanceAddress(id, Traffic.Live)).Get());
    }

    [Fact]
    public async Task A_replayed_nonce_is_refused_and_changes_nothing()
    {
        var orderId = V1Orders.NewOrderId();
        var (nonce, timestamp) = (V2Marketplace.NewNonce(), V2Marketplace.Now());
        await _marketplace.Send(V2Marketplace.Body("queryInstance", ("instanceId", "x")), nonce, timestamp);

        var replay = await _marketplace.Send(NewInstanceBody(orderId), nonce, timestamp);

        Assert.Equal(ResultCodes.AuthenticationFailed, replay.ResultCode);
        Assert.Equal("nonce has already been used", replay.ResultMsg);
        await AssertNeverProvisioned(orderId);
    }

    [Fact]
    public async Task The_exact_same_request_sent_twice_is_refused_the_second_time()
    {
        var body = V2Marketplace.Body("queryInstance", ("instanceId", "x"));
        var (nonce, timestamp) = (V2Marketplace.NewNonce(), V2Marketplace.Now());
        var signature = V2Signature.Compute(body, GatewayFactory.AccessKey, nonce, timestamp);

        Assert.Equal(ResultCodes.Success, (await _marketplace.SendSigned(body, signature, nonce, timestamp)).ResultCode);
        Assert.Equal(ResultCodes.AuthenticationFailed, (await _marketplace.SendSigned(body, signature, nonce, timestamp)).ResultCode);
    }

    [Theory]
    [InlineData(-120)]
    [InlineData(120)]
    public async Task A_timestamp_outside_the_window_is_refused(int offsetSeconds)
    {
        var orderId = V1Orders.NewOrderId();

        var answer = await _marketplace.Send(NewInstanceBody(orderId), timestamp: DateTimeOffset.UtcNow.AddSeconds(offsetSeconds).ToUnixTimeMilliseconds().ToString());

        Assert.Equal(ResultCodes.AuthenticationFailed, answer.ResultCode);
        Assert.Contains("timestamp", answer.ResultMsg);
        await AssertNeverProvisioned(orderId);
    }

    [Fact]
    public async Task A_body_changed_after_signing_is_refused()
    {
        var orderId = V1Orders.NewOrderId();
        var body = NewInstanceBody(orderId);
        var (nonce, timestamp) = (V2Marketplace.NewNonce(), V2Marketplace.Now());
        var signature = V2Signature.Compute(body, GatewayFactory.AccessKey, nonce, timestamp);
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace(orderId, orderId + "X"));

        var answer = await _marketplace.SendSigned(tampered, signature, nonce, timestamp);

        Assert.Equal(ResultCodes.AuthenticationFailed, answer.ResultCode);
        Assert.Equal("signature does not match the request", answer.ResultMsg);
        await AssertNeverProvisioned(orderId + "X");
    }

    [Fact]
    public async Task The_same_body_reserialized_with_another_key_order_is_refused()
    {
        var orderId = V1Orders.NewOrderId();
        var signed = NewInstanceBody(orderId);
        var (nonce, timestamp) = (V2Marketplace.NewNonce(), V2Marketplace.Now());
        var signature = V2Signature.Compute(signed, GatewayFactory.AccessKey, nonce, timestamp);
        var reordered = Encoding.UTF8.GetBytes($"{{\"orderLineId\":\"{orderId}-000001\",\"orderId\":\"{orderId}\",\"businessId\":\"b-1\",\"activity\":\"newInstance\"}}");

        var answer = await _marketplace.SendSigned(reordered, signature, nonce, timestamp);

        Assert.Equal(ResultCodes.AuthenticationFailed, answer.ResultCode);
        await AssertNeverProvisioned(orderId);
    }

    [Fact]
    public async Task A_request_signed_with_another_key_is_refused()
    {
        var orderId = V1Orders.NewOrderId();
        var (nonce, timestamp) = (V2Marketplace.NewNonce(), V2Marketplace.Now());
        var forged = V2Signature.Compute(NewInstanceBody(orderId), "not-the-access-key", nonce, timestamp);

        var answer = await _marketplace.SendSigned(NewInstanceBody(orderId), forged, nonce, timestamp);

        Assert.Equal(ResultCodes.AuthenticationFailed, answer.ResultCode);
        await AssertNeverProvisioned(orderId);
    }

    [Theory]
    [InlineData("signature")]
    [InlineData("timestamp")]
    [InlineData("nonce")]
    public async Task Missing_authentication_parameters_are_named(string missing)
    {
        var body = V2Marketplace.Body("queryInstance", ("instanceId", "x"));
        var (nonce, timestamp) = (V2Marketplace.NewNonce(), V2Marketplace.Now());
        var signature = V2Signature.Compute(body, GatewayFactory.AccessKey, nonce, timestamp);

        var answer = await _marketplace.SendSigned(body, missing == "signature" ? null : signature, missing == "nonce" ? null : nonce, missing == "timestamp" ? null : timestamp);

        Assert.Equal(ResultCodes.AuthenticationFailed, answer.ResultCode);
        Assert.Equal($"{missing} is missing", answer.ResultMsg);
    }

    [Fact]
    public async Task A_signed_body_that_is_not_json_is_an_invalid_parameter()
    {
        var answer = await _marketplace.Send(Encoding.UTF8.GetBytes("activity=newInstance"));

        Assert.Equal(ResultCodes.InvalidParameter, answer.ResultCode);
    }

    [Fact]
    public async Task A_missing_field_is_named()
    {
        var answer = await _marketplace.Call("newInstance", ("businessId", "b"), ("orderId", V1Orders.NewOrderId()));

        Assert.Equal(ResultCodes.InvalidParameter, answer.ResultCode);
        Assert.Equal("orderLineId is missing", answer.ResultMsg);
    }

    [Fact]
    public async Task An_unknown_activity_is_refused()
    {
        var answer = await _marketplace.Call("deleteEverything");

        Assert.Equal(ResultCodes.InvalidParameter, answer.ResultCode);
        Assert.Contains("activity", answer.ResultMsg);
    }

    [Fact]
    public async Task An_oversized_body_is_refused_unread()
    {
        var answer = await _marketplace.Send(V2Marketplace.Body("queryInstance", ("instanceId", new string('x', 70_000))));

        Assert.Equal(ResultCodes.InvalidParameter, answer.ResultCode);
        Assert.Contains("larger than", answer.ResultMsg);
    }

    [Fact]
    public async Task Live_calls_on_an_unknown_instance_answer_000003()
    {
        var answer = await _marketplace.Call("updateInstanceStatus", ("instanceId", Guid.NewGuid().ToString()), ("status", "FREEZE"));

        Assert.Equal(ResultCodes.InstanceNotFound, answer.ResultCode);
    }
}
