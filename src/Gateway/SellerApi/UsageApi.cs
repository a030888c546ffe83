using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Provisioning.Grains;
using Provisioning.Grains.Instances;
using Provisioning.Grains.Usage;

namespace Provisioning.Gateway.SellerApi;

/// <summary>
/// <c>POST /api/usage</c>: the seller's application reports usage of pay-per-use instances (usage key or admin key). The
/// answer comes once every accepted event is durable; a 503 means some may not be, and the whole batch can be sent again
/// safely because events are recognised by eventId. The operator endpoints below it need the admin key.
/// </summary>
public static class UsageApi
{
    public const int MaxEvents = 1000;

    private const int MaxPage = 1000;

    public static IEndpointRouteBuilder MapUsageApi(this IEndpointRouteBuilder endpoints)
    {
        var usage = endpoints.MapGroup("/api/usage");
        usage.MapPost("", Report);
        usage.MapGet("/instances/{instanceId}", GetStatement);
        usage.MapGet("/outbox", GetOutbox);
        usage.MapGet("/dead-letters", GetDeadLetters);
        usage.MapPost("/dead-letters/redrive", Redrive);
        usage.MapGet("/held", GetHeld);
        usage.MapPost("/held/resend", (HttpContext http, ApiKeys keys, IGrainFactory grains, string? instanceId) => ResolveHeld(http, keys, grains, instanceId, delivered: false));
        usage.MapPost("/held/mark-pushed", (HttpContext http, ApiKeys keys, IGrainFactory grains, string? instanceId) => ResolveHeld(http, keys, grains, instanceId, delivered: true));
        return endpoints;
    }

    private static async Task<Results<Ok<UsageReportResult>, UnauthorizedHttpResult, BadRequest<string>, ProblemHttpResult>> Report(
        HttpContext http, ApiKeys keys, IGrainFactory grains, ILogger<UsageReportResult> logger)
    {
        if (!keys.IsUsageReporter(http)) return TypedResults.Unauthorized();

        JsonElement root;
        try
        {
            using var body = await JsonDocument.ParseAsync(http.Request.Body, default, http.RequestAborted);
            root = body.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return TypedResults.BadRequest($"The body is not a usage report: {e.Message}");
        }

        if (!UsageReport.TryRead(root, out var events, out var problem)) return TypedResults.BadRequest($"The body is not a usage report: {problem}");

        if (events.Count == 0) return TypedResults.BadRequest("The body has no events: send {\"events\": [...]}");
        if (events.Count > MaxEvents) return TypedResults.BadRequest($"A report carries at most {MaxEvents} events, not {events.Count}");

        var results = new EventResult[events.Count];
        var byInstance = new Dictionary<string, List<(int Index, UsageEvent Event)>>(StringComparer.Ordinal);
        for (var i = 0; i < events.Count; i++)
        {
            var reported = ReportedEvent.Read(events[i]);
            if (reported.Event is not { } usage)
            {
                results[i] = new EventResult(i, reported.EventId, UsageEventStatus.Rejected, reported.Problem);
                continue;
            }

            if (!byInstance.TryGetValue(reported.InstanceId!, out var list)) byInstance[reported.InstanceId!] = list = [];
            list.Add((i, usage));
        }

        try
        {
            await Task.WhenAll(byInstance.Select(async pair =>
            {
                var meter = grains.GetUsageMeter(new InstanceAddress(pair.Key, Traffic.Live));
                var answers = await meter.Record([.. pair.Value.Select(v => v.Event)]);
                for (var j = 0; j < answers.Count; j++)
                {
                    var (index, usage) = pair.Value[j];
                    results[index] = new EventResult(index, usage.EventId, answers[j].Status, answers[j].Reason);
                }
            }));
        }
        catch (Exception e)
        {
            logger.LogError(e, "Recording a usage report of {Count} events failed", events.Count);
            return TypedResults.Problem(
                "Recording usage failed, so some events may not be durable. Send the same report again: events already recorded are recognised by eventId and not counted twice.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        return TypedResults.Ok(new UsageReportResult(
            results.Count(r => r.Status == UsageEventStatus.Accepted),
            results.Count(r => r.Status == UsageEventStatus.Duplicate),
            results.Count(r => r.Status == UsageEventStatus.Rejected),
            results));
    }

    private static async Task<Results<Ok<MeterStatement>, UnauthorizedHttpResult>> GetStatement(
        HttpContext http, ApiKeys keys, IGrainFactory grains, string instanceId)
    {
        if (!keys.IsAdmin(http)) return TypedResults.Unauthorized();
        return TypedResults.Ok(await grains.GetUsageMeter(new InstanceAddress(instanceId, Traffic.Live)).GetStatement());
    }

    private static async Task<Results<Ok<OutboxSummary>, UnauthorizedHttpResult>> GetOutbox(HttpContext http, ApiKeys keys, IGrainFactory grains)
    {
        if (!keys.IsAdmin(http)) return TypedResults.Unauthorized();
        return TypedResults.Ok(await Pusher(grains).GetSummary());
    }

    private static async Task<Results<Ok<IReadOnlyList<MeteringRecord>>, UnauthorizedHttpResult, BadRequest<string>>> GetDeadLetters(
        HttpContext http, ApiKeys keys, IGrainFactory grains, int limit = 100)
    {
        if (!keys.IsAdmin(http)) return TypedResults.Unauthorized();
        if (limit is < 1 or > MaxPage) return TypedResults.BadRequest($"limit must be between 1 and {MaxPage}");
        return TypedResults.Ok(await Pusher(grains).GetDeadLetters(limit));
    }

    private static async Task<Results<Ok<RedriveResult>, UnauthorizedHttpResult>> Redrive(
        HttpContext http, ApiKeys keys, IGrainFactory grains, string? instanceId = null)
    {
        if (!keys.IsAdmin(http)) return TypedResults.Unauthorized();
        return TypedResults.Ok(new RedriveResult(await Pusher(grains).Redrive(string.IsNullOrEmpty(instanceId) ? null : instanceId)));
    }

    private static async Task<Results<Ok<IReadOnlyList<MeteringRecord>>, UnauthorizedHttpResult, BadRequest<string>>> GetHeld(
        HttpContext http, ApiKeys keys, IGrainFactory grains, int limit = 100)
    {
        if (!keys.IsAdmin(http)) return TypedResults.Unauthorized();
        if (limit is < 1 or > MaxPage) return TypedResults.BadRequest($"limit must be between 1 and {MaxPage}");
        return TypedResults.Ok(await Pusher(grains).GetHeld(limit));
    }

    private static async Task<Results<Ok<ResolvedResult>, UnauthorizedHttpResult>> ResolveHeld(
        HttpContext http, ApiKeys keys, IGrainFactory grains, string? instanceId, bool delivered)
    {
        if (!keys.IsAdmin(http)) return TypedResults.Unauthorized();
        return TypedResults.Ok(new ResolvedResult(await Pusher(grains).ResolveHeld(string.IsNullOrEmpty(instanceId) ? null : instanceId, delivered)));
    }

    private static IUsagePushGrain Pusher(IGrainFactory grains) => grains.GetUsagePush();
}

/// <summary>How many dead-lettered records were made pending again.</summary>
public sealed record RedriveResult(int Redriven);

/// <summary>How many held records were re-sent or marked pushed.</summary>
public sealed record ResolvedResult(int Resolved);
