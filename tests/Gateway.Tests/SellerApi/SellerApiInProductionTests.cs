using System.Net;
using Provisioning.Testing;

namespace Provisioning.Gateway.Tests.SellerApi;

/// <summary>Outside Development the document and its reference page are served too, and ASP.NET Core's own 400s are problems.</summary>
public sealed class SellerApiInProductionTests(SellerApiInProductionTests.ProductionGateway gateway) : IClassFixture<SellerApiInProductionTests.ProductionGateway>
{
    public sealed class ProductionGateway : GatewayFactory
    {
        protected override string Environment => "Production";
    }

    [Theory]
    [InlineData("/openapi/v1.json", "application/json")]
    [InlineData("/api/reference", "text/html")]
    public async Task The_document_and_the_reference_page_are_served(string path, string mediaType)
    {
        using var response = await gateway.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_parameter_that_does_not_bind_is_a_400_problem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/tenants/any/users?limit=many") { Headers = { { "X-Api-Key", GatewayFactory.SellerApiKey } } };

        using var response = await gateway.CreateClient().SendAsync(request);

        Assert.Contains("a parameter is missing or has the wrong type", await Problem.Detail(response, HttpStatusCode.BadRequest));
    }
}
