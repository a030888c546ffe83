using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Provisioning.Grains;
using Provisioning.Grains.Instances;
using Provisioning.Grains.Licenses;

namespace Provisioning.Gateway.SellerApi;

/// <summary>
/// <c>/api/licenses/{code}/…</c>: the seller's licensed software (license key or admin key) activates the activation code its user
/// entered, asks whether it may run and reports its use. Every answer comes from the code's grain, which asks KooGallery only
/// when it must (activation, once per UTC day, after a renewal), so the software may ask as often as it likes.
/// </summary>
public static class LicenseApi
{
    /// <summary>License bodies are a few dozen bytes; anything far larger is refused unread.</summary>
    private const int MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapLicenseApi(this IEndpointRouteBuilder endpoints)
    {
        var licenses = endpoints.MapGroup("/api/licenses").WithTags("Licenses");
        licenses.MapPost("/{code}/activate", Activate).Needs(SellerKey.License).WithName("ActivateLicenseCode")
            .WithSummary("Activates the code with KooGallery (once; a repeat answers as the code stands) and says whether the software may run")
            .Accepts<ActivateLicenseBody>(isOptional: true, "application/json");
        licenses.MapGet("/{code}/status", GetStatus).Needs(SellerKey.License).WithName("GetLicenseCodeStatus")
            .WithSummary("Whether the software may run on the code now, until when it may run offline, and a message for its user");
        licenses.MapPost("/{code}/usage", ReportUsage).Needs(SellerKey.License).WithName("ReportLicenseCodeUsage")
            .WithSummary("Forwards the software's use of an active code (userIds or activeCount, exactly one) to KooGallery's usage statistics")
            .Accepts<LicenseUsageBody>("application/json");
        return endpoints;
    }

    private static async Task<Results<Ok<LicenseCodeStatus>, BadRequestProblem, NotFoundProblem, ConflictProblem, UnavailableProblem>> Activate(
        HttpContext http, IGrainFactory grains, ILogger<LicenseCodeStatus> logger, string code)
    {
        var (body, unreadable) = await ReadBodyAsync(http);
        if ((LicenseRequests.RefuseCode(code) ?? unreadable) is { } refusal) return new BadRequestProblem(refusal);
        if (LicenseRequests.ReadActivation(body, out var problem) is not { } activation) return new BadRequestProblem(problem!);

        CodeStanding standing;
        try
        {
            standing = await Code(grains, code).Activate(activation);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Activating code {Code} failed", code);
            return Unavailable();
        }

        return standing.Problem switch
        {
            null => TypedResults.Ok(LicenseCodeStatus.From(standing)),
            CodeProblem.NotFound => new NotFoundProblem(standing.Message),
            CodeProblem.NotClaimed => new ConflictProblem(standing.Message),
            _ => new UnavailableProblem(standing.Message),
        };
    }

    private static async Task<Results<Ok<LicenseCodeStatus>, BadRequestProblem, NotFoundProblem, UnavailableProblem>> GetStatus(
        IGrainFactory grains, ILogger<LicenseCodeStatus> logger, string code)
    {
        if (LicenseRequests.RefuseCode(code) is { } refusal) return new BadRequestProblem(refusal);

        CodeStanding standing;
        try
        {
            standing = await Code(grains, code).GetStanding();
        }
        catch (Exception e)
        {
            logger.LogError(e, "Checking code {Code} failed", code);
            return Unavailable();
        }

        // A code this backend never activated has no status yet: the software must activate it first.
        if (standing is { State: CodeState.NotActivated, ActivatedAt: null }) return new NotFoundProblem($"Code {code} is not activated here: POST /api/licenses/{code}/activate first");
        return TypedResults.Ok(LicenseCodeStatus.From(standing));
    }

    private static async Task<Results<Ok<LicenseUsageAccepted>, BadRequestProblem, ConflictProblem, UnavailableProblem>> ReportUsage(
        HttpContext http, IGrainFactory grains, ILogger<LicenseCodeStatus> logger, string code)
    {
        var (body, unreadable) = await ReadBodyAsync(http);
        if ((LicenseRequests.RefuseCode(code) ?? unreadable) is { } refusal) return new BadRequestProblem(refusal);
        if (LicenseRequests.ReadUsage(body, out var problem) is not { } usage) return new BadRequestProblem(problem!);

        CodeUsageReply reply;
        try
        {
            reply = await Code(grains, code).ReportUsage(usage);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Reporting the usage of code {Code} failed", code);
            return Unavailable();
        }

        return reply.Outcome switch
        {
            CodeUsageOutcome.Accepted => TypedResults.Ok(new LicenseUsageAccepted(code, reply.Message)),
            CodeUsageOutcome.NotActive => new ConflictProblem($"Code {code} is not active, so no usage is reported: {reply.Message}"),
            CodeUsageOutcome.Rejected => new BadRequestProblem($"KooGallery refused the usage report: {reply.Message}"),
            _ => new UnavailableProblem($"KooGallery could not take the usage report now ({reply.Message}): send it again later"),
        };
    }

    private static IActivationCodeGrain Code(IGrainFactory grains, string code) => grains.GetActivationCode(new ActivationCodeAddress(code, Traffic.Live));

    private static UnavailableProblem Unavailable() => new("The backend could not answer for this code now; ask again");

    /// <summary>The body's JSON object, or null for an empty body; or why it cannot be read.</summary>
    private static async Task<(JsonElement? Body, string? Problem)> ReadBodyAsync(HttpContext http)
    {
        var body = await Gateway.KooGallery.RequestBody.ReadAsync(http.Request.Body, MaxBodyBytes, http.RequestAborted);
        if (body is null) return (null, $"The body is larger than {MaxBodyBytes} bytes");
        if (body.Length == 0) return (null, null);
        try
        {
            using var document = JsonDocument.Parse(body);
            return (document.RootElement.Clone(), null);
        }
        catch (JsonException)
        {
            return (null, "The body is not JSON");
        }
    }
}
