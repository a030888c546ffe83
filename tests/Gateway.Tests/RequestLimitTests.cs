using Provisioning.KooGallery;
using Provisioning.Testing;

namespace Provisioning.Gateway.Tests;

public sealed class RequestLimitTests
{
    [Fact]
    public async Task An_oversized_query_over_a_real_socket_gets_a_signed_000002_naming_the_parameter()
    {
        await using var gateway = new GatewayFactory();
        gateway.UseKestrel(0);
        var marketplace = new V1Client(gateway.CreateClient());

        var answer = await marketplace.Call("newInstance", V1Orders.NewInstance(new string('C', 20_000)));

        Assert.Equal(ResultCodes.InvalidParameter, answer.ResultCode);
        Assert.Equal("orderId is longer than 64 characters", answer.ResultMsg);
    }
}
