using Microsoft.AspNetCore.Http.HttpResults;
using Provisioning.Grains;
using Provisioning.Grains.Instances;
using Provisioning.Grains.Licenses;

namespace Provisioning.Gateway.SellerApi;

/// <summary>
/// <c>GET /api/issued-licenses/{instanceId}</c>: the License the retired License callbacks issued under that id, as it is now.
/// After a renewal the buyer's software fetches its new License here (license key or admin key): what the marketplace handed
/// over at purchase keeps the first expiry.
/// </summary>
public static class IssuedLicenseApi
{
    public static IEndpointRouteBuilder MapIssuedLicenseApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/issued-licenses/{instanceId}", Get).Needs(SellerKey.License).WithName("GetIssuedLicense").WithTags("Licenses")
            .WithSummary("The current License (after the latest renewal) of a License the getLicense callback issued, its status and expiry");
        return endpoints;
    }

    private static async Task<Results<Ok<IssuedLicenseView>, NotFoundProblem>> Get(IGrainFactory grains, TimeProvider clock, string instanceId)
    {
        var license = await grains.GetLicense(new LicenseAddress(instanceId, Traffic.Live)).Get();
        return license is null
            ? new NotFoundProblem($"No License '{instanceId}' was issued")
            : TypedResults.Ok(IssuedLicenseView.From(license, clock.GetUtcNow()));
    }
}
