using System.Net;
using Provisioning.Testing;

namespace Provisioning.Gateway.Tests.SellerApi;

/// <summary>Every refusal of the seller API is a problem-details body whose detail names the problem.</summary>
[Collection(GatewayCollection.Name)]
public sealed class SellerApiProblemTests(GatewayFactory factory)
{
    private async Task<HttpResponseMessage> Get(string path, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        return await factory.CreateClient().SendAsync(request);
    }

    [Fact]
    public async Task A_missing_key_is_a_401_naming_the_key_the_endpoint_needs()
    {
        using var response = await Get("/api/usage/outbox", null);

        Assert.Contains("X-Api-Key header is missing: this endpoint needs the admin key", await Problem.Detail(response, HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task A_key_without_the_role_is_a_401_naming_the_role_and_never_the_key()
    {
        using var response = await Get("/api/usage/outbox", GatewayFactory.SellerUsageKey);

        var detail = await Problem.Detail(response, HttpStatusCode.Unauthorized);
        Assert.Contains("does not hold the admin key", detail);
        Assert.DoesNotContain(GatewayFactory.SellerUsageKey, detail);
        Assert.DoesNotContain(GatewayFactory.SellerAdminKey, detail);
    }

    [Fact]
    public async Task Secrets_with_the_read_key_are_a_403_naming_the_admin_key()
    {
        using var response = await Get("/api/tenants/any?includeSecrets=true", GatewayFactory.SellerApiKey);

        Assert.Contains("includeSecrets needs the admin key", await Problem.Detail(response, HttpStatusCode.Forbidden));
    }

    [Fact]
    public async Task An_unknown_tenant_is_a_404_naming_it()
    {
        var tenantId = "never-synced-" + Guid.NewGuid().ToString("N");

        using var response = await Get($"/api/tenants/{tenantId}", GatewayFactory.SellerApiKey);

        Assert.Contains(tenantId, await Problem.Detail(response, HttpStatusCode.NotFound));
    }

    [Theory]
    [InlineData("/api/tenants/any/users?limit=0", "limit")]
    [InlineData("/api/tenants/any/users?offset=-1", "offset")]
    [InlineData("/api/usage/dead-letters?limit=1001", "limit")]
    [InlineData("/api/usage/held?limit=0", "limit")]
    public async Task A_page_out_of_range_is_a_400_validation_problem_naming_the_parameter(string path, string parameter)
    {
        using var response = await Get(path, GatewayFactory.SellerAdminKey);

        Assert.Contains("between 1 and 1000", await Problem.Detail(response, HttpStatusCode.BadRequest));
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task An_unknown_route_under_api_is_a_404_problem_naming_it()
    {
        using var response = await Get("/api/tenants/any/nothing", GatewayFactory.SellerApiKey);

        Assert.Contains("GET /api/tenants/any/nothing", await Problem.Detail(response, HttpStatusCode.NotFound));
    }
}
