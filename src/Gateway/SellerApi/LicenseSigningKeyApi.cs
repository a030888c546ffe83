using Microsoft.AspNetCore.Http.HttpResults;
using Provisioning.Grains;

namespace Provisioning.Gateway.SellerApi;

/// <summary>
/// <c>GET /api/licenses/signing-key</c>: the public key the seller's software verifies Licenses with (docs/licenses.md). It is
/// public, so no key is needed; it is read from a silo, so a gateway in client mode holds no private key.
/// </summary>
public static class LicenseSigningKeyApi
{
    public static IEndpointRouteBuilder MapLicenseSigningKeyApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/licenses/signing-key", Get).WithName("GetLicenseSigningKey").WithTags("Licenses")
            .WithSummary("The ES256 public key (SubjectPublicKeyInfo PEM) and kid that Licenses are signed with");
        return endpoints;
    }

    private static async Task<Results<Ok<LicenseSigningKeyView>, NotFoundProblem>> Get(IGrainFactory grains) =>
        await grains.GetLicenseSigningKey().Get() is { } key
            ? TypedResults.Ok(new LicenseSigningKeyView(key.Algorithm, key.KeyId, key.PublicKeyPem))
            : new NotFoundProblem("Licenses are not signed with a published key: Licenses:SigningKey is not set, or the seller's own License issuer is used");
}

/// <summary>The published License verification key: the JWS <c>alg</c> and <c>kid</c> and the public key as PEM.</summary>
public sealed record LicenseSigningKeyView(string Alg, string Kid, string PublicKeyPem);
