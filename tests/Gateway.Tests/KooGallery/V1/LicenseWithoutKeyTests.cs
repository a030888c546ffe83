using System.Net;
using Provisioning.Gateway.Tests.SellerApi;
using Provisioning.KooGallery;
using Provisioning.Testing;

namespace Provisioning.Gateway.Tests.KooGallery.V1;

/// <summary>Outside Development no signing key is invented: a SaaS-only seller needs none, and a License cannot be issued without one.</summary>
public sealed class LicenseWithoutKeyTests(LicenseWithoutKeyTests.ProductionGateway gateway) : IClassFixture<LicenseWithoutKeyTests.ProductionGateway>
{
    public sealed class ProductionGateway : GatewayFactory
    {
        protected override string Environment => "Production";
    }

    [Fact]
    public async Task GetLicense_answers_000005_without_a_License_while_SaaS_callbacks_still_work()
    {
        var marketplace = new V1Client(gateway.CreateClient());
        var purchase = new[] { ("businessId", "b-1"), ("orderId", V1Orders.NewOrderId()), ("customerId", "c-1"), ("productId", "p-1") };

        var answer = await marketplace.Call("getLicense", purchase);

        Assert.Equal(ResultCodes.InternalError, answer.ResultCode);
        Assert.Null(answer["license"]);
        Assert.DoesNotContain("PRIVATE", answer.ResultMsg);
        Assert.Equal(ResultCodes.Success, (await marketplace.Call("newInstance", V1Orders.NewInstance(V1Orders.NewOrderId()))).ResultCode);
    }

    [Fact]
    public async Task No_signing_key_is_published()
    {
        using var response = await gateway.CreateClient().GetAsync("/api/licenses/signing-key");

        Assert.Contains("Licenses:SigningKey is not set", await Problem.Detail(response, HttpStatusCode.NotFound));
    }
}
