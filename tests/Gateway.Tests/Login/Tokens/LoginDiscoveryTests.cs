using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Provisioning.Gateway.Login;

namespace Provisioning.Gateway.Tests.Login.Tokens;

public sealed class LoginDiscoveryTests
{
    [Fact]
    public async Task The_JWKS_holds_public_EC_keys_only_and_may_be_cached_for_minutes()
    {
        await using var host = await LoginTokenHost.StartAsync();

        var response = await host.Client.GetAsync(LoginDiscoveryEndpoints.JwksPath);

        response.EnsureSuccessStatusCode();
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl is { Public: true, MaxAge.TotalMinutes: >= 1 and <= 10 }, response.Headers.CacheControl?.ToString());
        var key = Assert.Single((await response.Content.ReadFromJsonAsync<JsonObject>())!["keys"]!.AsArray())!.AsObject();
        Assert.Equal(["alg", "crv", "kid", "kty", "use", "x", "y"], key.Select(m => m.Key).Order());
        Assert.Equal(("EC", "P-256", "sig", "ES256"), ((string?)key["kty"], (string?)key["crv"], (string?)key["use"], (string?)key["alg"]));
        Assert.False(key.ContainsKey("d"));
    }

    [Fact]
    public async Task The_discovery_document_names_the_issuer_and_points_at_the_JWKS()
    {
        await using var host = await LoginTokenHost.StartAsync(o => o.PublicOrigin = "https://login.seller.example");

        var document = (await host.Client.GetFromJsonAsync<JsonObject>(LoginDiscoveryEndpoints.DiscoveryPath))!;

        Assert.Equal("https://login.seller.example", (string?)document["issuer"]);
        var jwksUri = new Uri((string)document["jwks_uri"]!);
        Assert.Equal(("https", "login.seller.example"), (jwksUri.Scheme, jwksUri.Host));
        var keys = await host.Client.GetFromJsonAsync<JsonObject>(jwksUri.PathAndQuery);
        Assert.NotEmpty(keys!["keys"]!.AsArray());
        Assert.Equal(["ES256"], document["id_token_signing_alg_values_supported"]!.AsArray().Select(v => (string?)v));
        Assert.Equal(LoginClaims.Supported, document["claims_supported"]!.AsArray().Select(v => (string?)v));
        Assert.Equal("https://login.seller.example/login/{tenantId}", (string?)document["login_endpoint_template"]);
        Assert.Equal("https://login.seller.example/logout", (string?)document["end_session_endpoint"]);
        Assert.Equal(["public"], document["subject_types_supported"]!.AsArray().Select(v => (string?)v));
    }

    [Fact]
    public async Task Without_a_public_origin_the_discovery_document_uses_the_request_and_the_configured_issuer()
    {
        await using var host = await LoginTokenHost.StartAsync(o => o.Issuer = "urn:seller:login");

        var document = (await host.Client.GetFromJsonAsync<JsonObject>(LoginDiscoveryEndpoints.DiscoveryPath))!;

        Assert.Equal("urn:seller:login", (string?)document["issuer"]);
        Assert.Equal(new Uri(host.Client.BaseAddress!, LoginDiscoveryEndpoints.JwksPath).ToString(), (string?)document["jwks_uri"]);
    }
}
