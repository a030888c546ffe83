namespace Provisioning.KooGallery.OpenApi.Licenses;

/// <summary>
/// The open API 授权码软件使用统计 (software usage statistics, license §B.7), relative to the HttpClient's BaseAddress.
/// Registered by <see cref="LicenseServiceCollectionExtensions.AddKooGalleryActivationCodes"/> like
/// <see cref="ActivationCodeClient"/>. Failures are answered, not thrown.
/// </summary>
public sealed class SoftwareUsageClient(HttpClient http)
{
    /// <summary>The API's path, relative to the base address.</summary>
    public const string Path = "api/mkp-openapi-public/global/v2/license/software-usage-info";

    /// <summary>Reports the use of up to 100 codes; call it only while the software is in use.</summary>
    /// <exception cref="ArgumentException">There are no codes or more than 100, or an entry cannot be sent; nothing was sent.</exception>
    /// <exception cref="InvalidOperationException">The AK/SK are not configured.</exception>
    public Task<SoftwareUsageAnswer> ReportAsync(IReadOnlyList<SoftwareUsage> usage, CancellationToken ct) =>
        LicenseApiCall.PostAsync(http, Path, LicenseRequestBody.Usage(usage),
            LicenseAnswerReader.Usage, answer => new SoftwareUsageAnswer(answer, [], null), ct);
}
