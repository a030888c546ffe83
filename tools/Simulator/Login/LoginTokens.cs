using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Provisioning.Simulator.Login;

/// <summary>
/// Verifies a token as the seller's application would: the issuer from the gateway's <c>/.well-known/openid-configuration</c>,
/// the keys from its <c>jwks_uri</c> (read again for every token, so a rotated key is found), ES256 with a <c>kid</c>, the
/// audience <see cref="Audience"/>, and a live lifetime.
/// </summary>
public sealed class LoginTokens(LoginSite site)
{
    /// <summary>The audience the gateway's tokens are for (<c>Login:Audience</c>).</summary>
    public const string Audience = "seller-application";

    private const string Discovery = "/.well-known/openid-configuration";
    private const string Algorithm = SecurityAlgorithms.EcdsaSha256;

    /// <summary>The verified token, or why it does not verify.</summary>
    public async Task<(JsonWebToken? Token, string? Failure)> Verify(string token)
    {
        var (issuer, jwksUri, problem) = await ReadDiscovery();
        if (problem is not null) return (null, problem);
        JsonWebKeySet keys;
        try
        {
            keys = new JsonWebKeySet(await Read(site.At(new Uri(jwksUri!).PathAndQuery)));
        }
        catch (ArgumentException e)
        {
            return (null, $"{jwksUri} is not a JWK Set: {e.Message}");
        }

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidAudience = Audience,
            IssuerSigningKeys = keys.GetSigningKeys(),
            ValidAlgorithms = [Algorithm],
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = TimeSpan.FromSeconds(30),
        });
        if (!result.IsValid) return (null, $"the token does not verify: {result.Exception?.GetType().Name} {result.Exception?.Message}");
        var jwt = (JsonWebToken)result.SecurityToken;
        return jwt.Alg != Algorithm ? (null, $"the token's alg is {jwt.Alg}, expected {Algorithm}")
            : string.IsNullOrEmpty(jwt.Kid) ? (null, "the token's header has no kid")
            : (jwt, null);
    }

    private async Task<(string? Issuer, string? JwksUri, string? Problem)> ReadDiscovery()
    {
        using var discovery = JsonDocument.Parse(await Read(site.At(Discovery)));
        var root = discovery.RootElement;
        string? Text(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        var (issuer, jwks) = (Text("issuer"), Text("jwks_uri"));
        return string.IsNullOrEmpty(issuer) ? (null, null, $"{Discovery} names no issuer")
            : !Uri.TryCreate(jwks, UriKind.Absolute, out _) ? (null, null, $"{Discovery} names no absolute jwks_uri")
            : (issuer, jwks, null);
    }

    private async Task<string> Read(Uri url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        using var response = await site.Send(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }
}
