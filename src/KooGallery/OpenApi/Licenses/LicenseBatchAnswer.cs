using System.Text.Json;

namespace Provisioning.KooGallery.OpenApi.Licenses;

/// <summary>
/// The answer to a v2 (list) activation or query, whose <c>data</c> shape is not published (license §8 #5): its envelope,
/// and <c>data</c> as it came, for the caller to read.
/// </summary>
public sealed record LicenseBatchAnswer(LicenseAnswer Answer, JsonElement? Data);

/// <summary>The answer to a software usage report: its envelope, and the codes its check-failure list names.</summary>
/// <param name="Answer">The envelope.</param>
/// <param name="RejectedCodes">The codes of every <c>data.check_fail…</c> list, in order; empty when there is none.</param>
/// <param name="Data"><c>data</c> as it came.</param>
public sealed record SoftwareUsageAnswer(LicenseAnswer Answer, IReadOnlyList<string> RejectedCodes, JsonElement? Data);
