using System.Text;
using Provisioning.KooGallery;
using Provisioning.Testing;

namespace Provisioning.Gateway.Tests.KooGallery.V1;

[Collection(GatewayCollection.Name)]
public sealed class V1ResponseTests(GatewayFactory factory)
{
    [Fact]
    public async Task Answers_carry_result_code_and_message_first_in_pure_ascii()
    {
        var answer = await new V1Client(factory.CreateClient()).Call("newInstance", V1Orders.NewInstance(V1Orders.NewOrderId()));

        var text = Encoding.UTF8.GetString(answer.Body);
        Assert.StartsWith("{\"resultCode\":\"000000\",\"resultMsg\":", text);
        Assert.All(answer.Body, b => Assert.True(b < 0x80));
    }

    [Fact]
    public async Task The_body_sign_header_has_the_documented_format()
    {
        using var response = await factory.CreateClient().GetAsync("/koogallery?activity=queryInstance");
        var body = await response.Content.ReadAsByteArrayAsync();

        var header = response.Headers.GetValues(BodySign.HeaderName).Single();
        Assert.Matches("^sign_type=\"HMAC-SHA256\", signature= \"[A-Za-z0-9+/]+={0,2}\"$", header);
        Assert.Equal(BodySign.Compute(body, GatewayFactory.Key), header);
    }

    [Fact]
    public async Task The_test_namespace_is_isolated_from_live_instances()
    {
        var marketplace = new V1Client(factory.CreateClient());
        var orderId = V1Orders.NewOrderId();
        var live = await marketplace.Call("newInstance", V1Orders.NewInstance(orderId));
        var test = await marketplace.Call("newInstance", [.. V1Orders.NewInstance(orderId), ("testFlag", "1")]);

        Assert.NotEqual(live["instanceId"], test["instanceId"]);
        var releaseLiveAsTest = await marketplace.Call("releaseInstance", ("instanceId", live["instanceId"]!), ("orderId", orderId), ("testFlag", "1"));
        Assert.Equal(ResultCodes.Success, releaseLiveAsTest.ResultCode);

        var query = await marketplace.Call("queryInstance", ("instanceId", live["instanceId"]!));
        Assert.Single(query.Json.GetProperty("info").EnumerateArray());
    }
}
