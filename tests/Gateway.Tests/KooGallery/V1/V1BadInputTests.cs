using Microsoft.Extensions.DependencyInjection;
using Provisioning.Grains;
using Provisioning.Grains.Instances;
using Provisioning.KooGallery;
using Provisioning.Testing;

namespace Provisioning.Gateway.Tests.KooGallery.V1;

[Collection(GatewayCollection.Name)]
public sealed class V1BadInputTests(GatewayFactory factory)
{
    private readonly V1Client _marketplace = new(factory.CreateClient());

    private async Task AssertNeverOpened(string orderId) =>
        Assert.Null(await factory.Services.GetRequiredService<IGrainFactory>()
            .GetInstance(new InstanceAddress(InstanceIds.Derive(OrderKey.ForOrder(orderId), Traffic.Live), Traffic.Live)).Get());

    [Fact]
    public async Task A_request_signed_with_another_key_is_refused_and_changes_nothing()
    {
        var orderId = V1Orders.NewOrderId();
        var forger = new V1Client(factory.CreateClient(), key: "not-the-seller-key");

        var answer = await _marketplace.Send(forger.Sign("newInstance", V1Orders.NewInstance(orderId)));

        Assert.Equal(ResultCodes.AuthenticationFailed, answer.ResultCode);
        Assert.Contains("authToken", answer.ResultMsg);
        await AssertNeverOpened(orderId);
    }

    [Theory]
    [InlineData("orderId")]
    [InlineData("customerId")]
    [InlineData("productId")]
    public async Task A_value_changed_after_signing_is_refused(string tampered)
    {
        var orderId = V1Orders.NewOrderId();
        var request = _marketplace.Sign("newInstance", V1Orders.NewInstance(orderId));
        request[tampered] += "X";

        var answer = await _marketplace.Send(request);

        Assert.Equal(ResultCodes.AuthenticationFailed, answer.ResultCode);
        await AssertNeverOpened(orderId);
        await AssertNeverOpened(orderId + "X");
    }

    [Fact]
    public async Task A_parameter_added_after_signing_is_refused()
    {
        var request = _marketplace.Sign("newInstance", V1Orders.NewInstance(V1Orders.NewOrderId()));
        request["trialFlag"] = "1";

        Assert.Equal(ResultCodes.AuthenticationFailed, (await _marketplace.Send(request)).ResultCode);
    }

    [Fact]
    public async Task A_truncated_request_is_refused()
    {
        var request = _marketplace.Sign("newInstance", V1Orders.NewInstance(V1Orders.NewOrderId()));
        request.Remove("periodNumber");

        Assert.Equal(ResultCodes.AuthenticationFailed, (await _marketplace.Send(request)).ResultCode);
    }

    [Fact]
    public async Task A_truncated_token_is_refused()
    {
        var request = _marketplace.Sign("newInstance", V1Orders.NewInstance(V1Orders.NewOrderId()));
        request["authToken"] = request["authToken"][..20];

        Assert.Equal(ResultCodes.AuthenticationFailed, (await _marketplace.Send(request)).ResultCode);
    }

    [Theory]
    [InlineData("authToken", "authToken is missing")]
    [InlineData("timeStamp", "timeStamp is missing")]
    public async Task Missing_authentication_parameters_are_named(string missing, string message)
    {
        var request = _marketplace.Sign("queryInstance", [("instanceId", "x")]);
        request.Remove(missing);

        var answer = await _marketplace.Send(request);

        Assert.Equal(ResultCodes.AuthenticationFailed, answer.ResultCode);
        Assert.Equal(message, answer.ResultMsg);
    }

    [Fact]
    public async Task A_validly_signed_but_stale_request_is_refused()
    {
        var orderId = V1Orders.NewOrderId();
        var stale = KooGalleryTime.FormatMillis(DateTimeOffset.UtcNow.AddDays(-2));

        var answer = await _marketplace.Send(_marketplace.Sign("newInstance", V1Orders.NewInstance(orderId), stale));

        Assert.Equal(ResultCodes.AuthenticationFailed, answer.ResultCode);
        Assert.Contains("timeStamp", answer.ResultMsg);
        await AssertNeverOpened(orderId);
    }

    [Theory]
    [InlineData("orderId")]
    [InlineData("businessId")]
    [InlineData("customerId")]
    [InlineData("productId")]
    public async Task A_missing_mandatory_parameter_is_named(string missing)
    {
        var orderId = V1Orders.NewOrderId();

        var answer = await _marketplace.Call("newInstance", V1Orders.NewInstance(orderId).Where(p => p.Item1 != missing).ToArray());

        Assert.Equal(ResultCodes.InvalidParameter, answer.ResultCode);
        Assert.Equal($"{missing} is missing", answer.ResultMsg);
        await AssertNeverOpened(orderId);
    }

    [Fact]
    public async Task An_oversized_parameter_is_named()
    {
        var orderId = new string('C', 65);

        var answer = await _marketplace.Call("newInstance", V1Orders.NewInstance(orderId));

        Assert.Equal(ResultCodes.InvalidParameter, answer.ResultCode);
        Assert.Equal("orderId is longer than 64 characters", answer.ResultMsg);
    }

    [Theory]
    [InlineData("expireTime", "2027-01-31")]
    [InlineData("chargingMode", "7")]
    [InlineData("amount", "ten")]
    [InlineData("orderAmount", "1,5")]
    [InlineData("saasExtendParams", "%%%not-base64")]
    public async Task An_invalid_value_is_named(string name, string value)
    {
        var orderId = V1Orders.NewOrderId();

        var answer = await _marketplace.Call("newInstance", [.. V1Orders.NewInstance(orderId).Where(p => p.Item1 != name), (name, value)]);

        Assert.Equal(ResultCodes.InvalidParameter, answer.ResultCode);
        Assert.StartsWith(name, answer.ResultMsg);
        await AssertNeverOpened(orderId);
    }

    [Fact]
    public async Task Contact_details_that_do_not_decrypt_are_refused()
    {
        var orderId = V1Orders.NewOrderId();

        var answer = await _marketplace.Call("newInstance", [.. V1Orders.NewInstance(orderId), ("email", "AbCdEfGh12345678bm90LWNpcGhlcnRleHQ=")]);

        Assert.Equal(ResultCodes.InvalidParameter, answer.ResultCode);
        Assert.Equal("email cannot be decrypted with the configured Key", answer.ResultMsg);
        await AssertNeverOpened(orderId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("deleteEverything")]
    public async Task An_unknown_activity_is_refused(string activity)
    {
        var answer = await _marketplace.Call(activity);

        Assert.Equal(ResultCodes.InvalidParameter, answer.ResultCode);
        Assert.Contains("activity", answer.ResultMsg);
    }

    [Fact]
    public async Task An_unknown_status_is_refused()
    {
        var answer = await _marketplace.Call("instanceStatus", ("instanceId", "x"), ("instanceStatus", "PAUSED"));

        Assert.Equal(ResultCodes.InvalidParameter, answer.ResultCode);
        Assert.Equal("instanceStatus 'PAUSED' is not FREEZE or NORMAL", answer.ResultMsg);
    }

    [Fact]
    public async Task More_than_one_hundred_ids_are_refused()
    {
        var ids = string.Join(",", Enumerable.Range(0, 101).Select(i => $"i{i}"));

        var answer = await _marketplace.Call("queryInstance", ("instanceId", ids));

        Assert.Equal(ResultCodes.InvalidParameter, answer.ResultCode);
        Assert.Contains("at most 100", answer.ResultMsg);
    }

    [Theory]
    [InlineData("refreshInstance", "orderId=R1", "expireTime=20280101000000")]
    [InlineData("expireInstance", "orderId=CS1")]
    [InlineData("releaseInstance", "orderId=CS1")]
    [InlineData("upgrade", "orderId=U1", "skuCode=s", "productId=p")]
    [InlineData("instanceStatus", "instanceStatus=FREEZE")]
    public async Task Live_calls_on_an_unknown_instance_answer_000003_and_test_calls_succeed(string activity, params string[] extra)
    {
        var parameters = extra.Select(e => (e.Split('=')[0], e.Split('=')[1])).Append(("instanceId", Guid.NewGuid().ToString())).ToArray();

        var live = await _marketplace.Call(activity, parameters);
        var test = await _marketplace.Call(activity, [.. parameters, ("testFlag", "1")]);

        Assert.Equal(ResultCodes.InstanceNotFound, live.ResultCode);
        Assert.Contains("does not exist", live.ResultMsg);
        Assert.Equal(ResultCodes.Success, test.ResultCode);
    }
}
