using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Provisioning.Gateway.Login;

/// <summary>
/// <c>GET /.well-known/jwks.json</c>, the public keys login tokens are signed with, and <c>GET /.well-known/openid-configuration</c>,
/// a minimal discovery document pointing at them. Neither needs a key; like the health probes they are not in the seller API's
/// OpenAPI document.
/// </summary>
public static class LoginDiscoveryEndpoints
{
    public const string JwksPath = "/.well-known/jwks.json";
    public const string DiscoveryPath = "/.well-known/openid-configuration";

    /// <summary>How long a reader may cache either document: well within the hour (or quarter rotation) a next key is published ahead.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    public static IEndpointRouteBuilder MapLoginDiscovery(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(JwksPath, Jwks).ExcludeFromDescription();
        endpoints.MapGet(DiscoveryPath, Discovery).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> Jwks(LoginKeyCache keys, HttpResponse response, CancellationToken cancellationToken)
    {
        var set = await keys.GetAsync(cancellationToken);
        Cacheable(response);
        return TypedResults.Json(new JwkSetView([.. set.Keys.Published.Select(k => new JwkView(
            JsonWebAlgorithmsKeyTypes.EllipticCurve, JsonWebKeyECTypes.P256, k.X, k.Y, k.KeyId, JsonWebKeyUseNames.Sig, SecurityAlgorithms.EcdsaSha256))]));
    }

    private static IResult Discovery(LoginAddresses addresses, IOptions<LoginOptions> options, HttpRequest request, HttpResponse response)
    {
        var origin = addresses.Origin(request);
        Cacheable(response);
        return TypedResults.Json(new DiscoveryView(
            addresses.Issuer(request),
            origin + JwksPath,
            origin + options.Value.LoginPath,
            origin + options.Value.LogoutPath,
            ["token"],
            ["public"],
            [SecurityAlgorithms.EcdsaSha256],
            LoginClaims.Supported));
    }

    private static void Cacheable(HttpResponse response) => response.Headers.CacheControl = $"public, max-age={(int)MaxAge.TotalSeconds}";
}
