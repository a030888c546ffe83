namespace Provisioning.Grains.Licenses;

/// <summary>
/// Port: the marketplace's activation code open APIs (license spec §B.5–B.7), single-code forms. Implementations turn every
/// answer, and the lack of one, into a <see cref="CodeCheck"/> or <see cref="UsageReportResult"/>; they throw only for
/// cancellation.
/// </summary>
public interface IActivationCodeMarketplace
{
    /// <summary>Activates a code the buyer presented (v1 <c>license/activate</c>); <paramref name="effectiveAt"/> is <c>real_effect_time</c>.</summary>
    Task<CodeCheck> ActivateAsync(string code, DateTimeOffset? effectiveAt, CancellationToken cancellationToken);

    /// <summary>The code's authoritative status and expiry (v1 <c>license/heartbeat</c>, the "query").</summary>
    Task<CodeCheck> QueryAsync(string code, CancellationToken cancellationToken);

    /// <summary>Reports the software's use (v2 <c>license/software-usage-info</c>), at most 100 codes per call.</summary>
    Task<UsageReportResult> ReportUsageAsync(IReadOnlyList<CodeUsage> usage, CancellationToken cancellationToken);
}
