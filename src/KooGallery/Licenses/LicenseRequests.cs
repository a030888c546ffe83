using Provisioning.KooGallery.V1;

namespace Provisioning.KooGallery.Licenses;

/// <summary><c>refreshLicense</c>: a renewal order moves the License's expiry, once per order (license spec §A.3).</summary>
public sealed record RefreshLicenseRequest(string OrderId, string InstanceId, string? ProductId, DateTimeOffset ExpireTime, string? PeriodType, int? PeriodNumber)
{
    public static Parsed<RefreshLicenseRequest> Parse(IReadOnlyDictionary<string, string> parameters)
    {
        var p = new ParameterReader(parameters);
        var request = new RefreshLicenseRequest(
            p.Required("orderId", 64),
            p.Required("instanceId", 64),
            p.Optional("productId", 64),
            p.RequiredTime("expireTime"),
            p.Optional("periodType", 10),
            p.OptionalInt("periodNumber", 2));
        return Parsed<RefreshLicenseRequest>.From(request, p);
    }
}

/// <summary><c>expireLicense</c>: the period ended, freeze the License (license spec §A.4, parameters as §8 #1).</summary>
public sealed record ExpireLicenseRequest(string InstanceId, string OrderId)
{
    public static Parsed<ExpireLicenseRequest> Parse(IReadOnlyDictionary<string, string> parameters)
    {
        var p = new ParameterReader(parameters);
        var request = new ExpireLicenseRequest(p.Required("instanceId", 64), p.Required("orderId", 64));
        return Parsed<ExpireLicenseRequest>.From(request, p);
    }
}

/// <summary>
/// <c>releaseLicense</c>: revoke the License (license spec §A.5). <c>orderId</c> is optional: a release after the freeze period
/// comes without one (§E).
/// </summary>
public sealed record ReleaseLicenseRequest(string InstanceId, string? OrderId)
{
    public static Parsed<ReleaseLicenseRequest> Parse(IReadOnlyDictionary<string, string> parameters)
    {
        var p = new ParameterReader(parameters);
        var request = new ReleaseLicenseRequest(p.Required("instanceId", 64), p.Optional("orderId", 64));
        return Parsed<ReleaseLicenseRequest>.From(request, p);
    }
}
