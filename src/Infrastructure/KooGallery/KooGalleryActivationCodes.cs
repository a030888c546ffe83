using Provisioning.Grains.Licenses;
using Provisioning.KooGallery.OpenApi.Licenses;

namespace Provisioning.Infrastructure.KooGallery;

/// <summary>
/// Adapter: the activation code port onto KooGallery's v1 activate and query APIs and the usage statistics API. Every answer,
/// and the lack of one, becomes a <see cref="CodeCheck"/> or <see cref="UsageReportResult"/>; only cancellation throws.
/// </summary>
internal sealed class KooGalleryActivationCodes(ActivationCodeClient codes, SoftwareUsageClient usage, ILogger<KooGalleryActivationCodes> logger)
    : IActivationCodeMarketplace
{
    public Task<CodeCheck> ActivateAsync(string code, DateTimeOffset? effectiveAt, CancellationToken cancellationToken) =>
        CheckAsync(() => codes.ActivateAsync(code, effectiveAt, cancellationToken), activation: true);

    public Task<CodeCheck> QueryAsync(string code, CancellationToken cancellationToken) =>
        CheckAsync(() => codes.QueryAsync(code, null, cancellationToken), activation: false);

    public async Task<UsageReportResult> ReportUsageAsync(IReadOnlyList<CodeUsage> report, CancellationToken cancellationToken)
    {
        try
        {
            var reported = await usage.ReportAsync([.. report.Select(u => new SoftwareUsage(u.Code, u.UserIds, u.ActiveCount))], cancellationToken);
            var answer = reported.Answer;
            return new UsageReportResult(answer.IsSuccess, answer.IsTransient, answer.ErrorCode, Describe(answer), reported.RejectedCodes);
        }
        catch (ArgumentException e)
        {
            return new UsageReportResult(false, false, "", e.Message, []);
        }
        catch (InvalidOperationException e)
        {
            logger.LogWarning("The activation code open API is not configured: {Problem}", e.Message);
            return new UsageReportResult(false, false, "", e.Message, []);
        }
    }

    private async Task<CodeCheck> CheckAsync(Func<Task<LicenseCodeAnswer>> call, bool activation)
    {
        try
        {
            var (answer, info) = await call();
            return new CodeCheck(Outcome(answer, info, activation), answer.ErrorCode, Describe(answer),
                info?.ExpiresAt, info?.ActivatedAt, info?.ProductId, info?.OrderId, info?.Amount);
        }
        catch (ArgumentException e)
        {
            // A code too long (or empty) to send is no code of the marketplace's.
            return new CodeCheck(CodeCheckOutcome.NotFound, "", e.Message);
        }
        catch (InvalidOperationException e)
        {
            logger.LogWarning("The activation code open API is not configured: {Problem}", e.Message);
            return new CodeCheck(CodeCheckOutcome.Refused, "", e.Message);
        }
    }

    private static CodeCheckOutcome Outcome(LicenseAnswer answer, LicenseCodeInfo? info, bool activation) => answer.Kind switch
    {
        // An activation's success is the code's activation, whatever its estimate says or leaves out.
        LicenseAnswerKind.Success when activation && info?.Status is null or LicenseCodeStatus.Unknown => CodeCheckOutcome.Alive,
        LicenseAnswerKind.Success => info?.Status switch
        {
            LicenseCodeStatus.Alive => CodeCheckOutcome.Alive,
            LicenseCodeStatus.Expired => CodeCheckOutcome.Expired,
            LicenseCodeStatus.Released => CodeCheckOutcome.Released,
            _ => CodeCheckOutcome.Refused,
        },
        LicenseAnswerKind.NotActivated => CodeCheckOutcome.NotActivated,
        LicenseAnswerKind.NotClaimed => CodeCheckOutcome.NotClaimed,
        LicenseAnswerKind.IllegalState => CodeCheckOutcome.AlreadyActivated,
        LicenseAnswerKind.NotFound or LicenseAnswerKind.InvalidCodeInList => CodeCheckOutcome.NotFound,
        LicenseAnswerKind.InternalError or LicenseAnswerKind.NoAnswer => CodeCheckOutcome.Unavailable,
        _ => CodeCheckOutcome.Refused,
    };

    private static string Describe(LicenseAnswer answer) =>
        $"{(answer.ErrorCode.Length > 0 ? answer.ErrorCode : "no result code")}{(answer.HttpStatus is { } status ? $" (HTTP {status})" : "")}: {answer.Message ?? "(no message)"}";
}
