using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Provisioning.Testing;

namespace Provisioning.Gateway.Tests.SellerApi;

/// <summary>The OpenAPI document of the seller and operator endpoints, and its reference page.</summary>
[Collection(GatewayCollection.Name)]
public sealed class SellerApiDocumentTests(GatewayFactory factory)
{
    public static TheoryData<string, string, string> Endpoints => new()
    {
        { "get", "/api/tenants/{tenantId}", "read" },
        { "get", "/api/tenants/{tenantId}/users", "read" },
        { "get", "/api/tenants/{tenantId}/departments", "read" },
        { "get", "/api/instances", "read" },
        { "get", "/api/instances/{instanceId}", "read" },
        { "post", "/api/usage", "usage" },
        { "get", "/api/usage/instances/{instanceId}", "admin" },
        { "get", "/api/usage/outbox", "admin" },
        { "get", "/api/usage/dead-letters", "admin" },
        { "post", "/api/usage/dead-letters/redrive", "admin" },
        { "get", "/api/usage/held", "admin" },
        { "post", "/api/usage/held/resend", "admin" },
        { "post", "/api/usage/held/mark-pushed", "admin" },
        { "get", "/api/webhooks/outbox", "admin" },
        { "get", "/api/webhooks/dead-letters", "admin" },
        { "post", "/api/webhooks/dead-letters/{eventId}/redrive", "admin" },
        { "post", "/api/webhooks/dead-letters/redrive", "admin" },
        { "get", "/api/instances/{instanceId}/history", "admin" },
        { "post", "/api/licenses/{code}/activate", "license" },
        { "get", "/api/licenses/{code}/status", "license" },
        { "post", "/api/licenses/{code}/usage", "license" },
        { "get", "/api/issued-licenses/{instanceId}", "license" },
    };

    private async Task<JsonElement> Document()
    {
        using var response = await factory.CreateClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static JsonElement Operation(JsonElement document, string method, string path) =>
        document.GetProperty("paths").GetProperty(path).GetProperty(method);

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Every_seller_and_operator_endpoint_is_documented_with_its_name_summary_and_key(string method, string path, string role)
    {
        var operation = Operation(await Document(), method, path);

        Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("operationId").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()));
        var requirement = Assert.Single(operation.GetProperty("security").EnumerateArray());
        Assert.Equal([role], requirement.GetProperty("ApiKey").EnumerateArray().Select(r => r.GetString()));
        Assert.True(operation.GetProperty("responses").TryGetProperty("401", out var unauthorized));
        Assert.True(unauthorized.GetProperty("content").TryGetProperty("application/problem+json", out _));
    }

    [Fact]
    public async Task The_document_holds_only_the_seller_api_and_declares_the_key_header()
    {
        var document = await Document();

        Assert.Equal(Endpoints.Select(e => (string)e[1]).Distinct().Order(), document.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order());
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_webhook_operations_document_their_pages_and_problems()
    {
        var document = await Document();

        var outbox = Operation(document, "get", "/api/webhooks/outbox").GetProperty("responses");
        Assert.EndsWith("/OutboxPage", outbox.GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        Assert.True(outbox.GetProperty("400").GetProperty("content").TryGetProperty("application/problem+json", out _));
        var redrive = Operation(document, "post", "/api/webhooks/dead-letters/{eventId}/redrive").GetProperty("responses");
        Assert.True(redrive.GetProperty("404").GetProperty("content").TryGetProperty("application/problem+json", out _));
    }

    [Fact]
    public async Task Responses_are_typed_from_the_handlers()
    {
        var document = await Document();

        var tenant = Operation(document, "get", "/api/tenants/{tenantId}").GetProperty("responses");
        Assert.EndsWith("/TenantView", tenant.GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        foreach (var status in new[] { "403", "404" })
        {
            Assert.True(tenant.GetProperty(status).GetProperty("content").TryGetProperty("application/problem+json", out _), status);
        }

        var report = Operation(document, "post", "/api/usage").GetProperty("responses");
        Assert.EndsWith("/UsageReportResult", report.GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        foreach (var status in new[] { "400", "503" })
        {
            Assert.True(report.GetProperty(status).GetProperty("content").TryGetProperty("application/problem+json", out _), status);
        }

        var users = Operation(document, "get", "/api/tenants/{tenantId}/users");
        Assert.True(users.GetProperty("responses").GetProperty("400").GetProperty("content").TryGetProperty("application/problem+json", out _));
        Assert.Equal(["tenantId", "test", "offset", "limit"], users.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task The_call_history_is_documented_as_a_page_of_instances_with_its_parameters_and_its_400()
    {
        var history = Operation(await Document(), "get", "/api/instances/{instanceId}/history");

        Assert.Equal(["Instances"], history.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        var responses = history.GetProperty("responses");
        Assert.EndsWith("/CallHistoryPage", responses.GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        Assert.True(responses.GetProperty("400").GetProperty("content").TryGetProperty("application/problem+json", out _));
        Assert.Equal(["instanceId", "test", "limit", "cursor"], history.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task The_reference_page_is_served_as_html_without_any_key()
    {
        using var response = await factory.CreateClient().GetAsync("/api/reference");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("openapi/v1.json", page);
        Assert.DoesNotContain(GatewayFactory.SellerApiKey, page);
        Assert.DoesNotContain(GatewayFactory.SellerAdminKey, page);
    }
}
