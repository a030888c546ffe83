using Microsoft.Extensions.Options;
using Provisioning.KooGallery;

namespace Provisioning.Gateway.KooGallery.V1;

/// <summary>
/// Checks a V1 call (spec §3.2): the <c>authToken</c> over the query parameters with the seller Key, and a <c>timeStamp</c>
/// within <see cref="KooGalleryOptions.V1TimestampTolerance"/>. Returns why the call is refused, or null.
/// </summary>
internal sealed class V1Authentication(IOptions<KooGalleryOptions> options, TimeProvider clock)
{
    public string? Refuse(IReadOnlyDictionary<string, string> parameters)
    {
        if (!parameters.ContainsKey(AuthToken.ParameterName)) return "authToken is missing";
        if (!parameters.ContainsKey(AuthToken.TimeStampParameter)) return "timeStamp is missing";
        if (!AuthToken.Verify(parameters, options.Value.Key!)) return "authToken does not match the request";

        var tolerance = options.Value.V1TimestampTolerance;
        if (tolerance <= TimeSpan.Zero) return null;
        if (!KooGalleryTime.TryParse(parameters[AuthToken.TimeStampParameter], out var sent)) return "timeStamp is not a UTC time in yyyyMMddHHmmssSSS form";
        return (clock.GetUtcNow() - sent).Duration() <= tolerance ? null : $"timeStamp is more than {tolerance} away from the server clock";
    }
}
