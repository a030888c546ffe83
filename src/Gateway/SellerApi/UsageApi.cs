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

    public static IEndpointRouteBuilder MapUsageApi(this IEndpointRouteBuilder endpoints)
    {
        var usage = endpoints.MapGroup("/api/usage").WithTags("Usage");
        usage.MapPost("", Report).Needs(SellerKey.Usage).WithName("ReportUsage")
            .WithSummary("Reports usage events of pay-per-use instances; answers once every accepted event is durable")
            .Accepts<UsageReportBody>("application/json");

        var operators = endpoints.MapGroup("/api/usage").WithTags("Usage operations");
        operators.MapGet("/instances/{instanceId}", GetStatement).Needs(SellerKey.Admin).WithName("GetUsageStatement")
            .WithSummary("An instance's usage per hour, its records with status, attempts and last error, and its metering lag");
        operators.MapGet("/outbox", GetOutbox).Needs(SellerKey.Admin).WithName("GetUsageOutbox")
            .WithSummary("Pending, held and dead-lettered record counts, unstaged hours and the oldest unpushed hour");
        operators.MapGet("/dead-letters", GetDeadLetters).Needs(SellerKey.Admin).WithName("GetUsageDeadLetters")
            .WithSummary("Dead-lettered records, oldest hour first");
        operators.MapPost("/dead-letters/redrive", Redrive).Needs(SellerKey.Admin).WithName("RedriveUsageDeadLetters")
            .WithSummary("Makes the dead letters of one instance (or all) pending and pushes them now");
        operators.MapGet("/held", GetHeld).Needs(SellerKey.Admin).WithName("GetHeldUsage")
            .WithSummary("Records the old push version may have delivered (no clear answer), oldest hour first");
        operators.MapPost("/held/resend", (IGrainFactory grains, string? instanceId) => ResolveHeld(grains, instanceId, delivered: false))
            .Needs(SellerKey.Admin).WithName("ResendHeldUsage")
            .WithSummary("The marketplace does not have them: makes the held records of one instance (or all) pending and pushes them now");
        operators.MapPost("/held/mark-pushed", (IGrainFactory grains, string? instanceId) => ResolveHeld(grains, instanceId, delivered: true))
            .Needs(SellerKey.Admin).WithName("MarkHeldUsagePushed")
            .WithSummary("The marketplace has them: marks the held records of one instance (or all) pushed");
        return endpoints;
    }

    private static async Task<Results<Ok<UsageReportResult>, BadRequestProblem, UnavailableProblem>> Report(
        HttpContext http, IGrainFactory grains, ILogger<UsageReportResult> logger)
    {
        JsonElement root;
        try
        {
            using var body = await JsonDocument.ParseAsync(http.Request.Body, default, http.RequestAborted);
            root = body.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return new BadRequestProblem($"The body is not a usage report: {e.Message}");
        }

        if (!UsageReport.TryRead(root, out var events, out var problem)) return new BadRequestProblem($"The body is not a usage report: {problem}");

        if (events.Count == 0) return new BadRequestProblem("The body has no events: send {\"events\": [...]}");
        if (events.Count > MaxEvents) return new BadRequestProblem($"A report carries at most {MaxEvents} events, not {events.Count}");

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
            return new UnavailableProblem(
                "Recording usage failed, so some events may not be durable. Send the same report again: events already recorded are recognised by eventId and not counted twice.");
        }

        return TypedResults.Ok(new UsageReportResult(
            results.Count(r => r.Status == UsageEventStatus.Accepted),
            results.Count(r => r.Status == UsageEventStatus.Duplicate),
            results.Count(r => r.Status == UsageEventStatus.Rejected),
            results));
    }

    private static async Task<Ok<MeterStatement>> GetStatement(IGrainFactory grains, string instanceId) =>
        TypedResults.Ok(await grains.GetUsageMeter(new InstanceAddress(instanceId, Traffic.Live)).GetStatement());

    private static async Task<Ok<OutboxSummary>> GetOutbox(IGrainFactory grains) => TypedResults.Ok(await Pusher(grains).GetSummary());

    private static async Task<Results<Ok<IReadOnlyList<MeteringRecord>>, ValidationProblem>> GetDeadLetters(IGrainFactory grains, int limit = 100)
    {
        if (Paging.RefuseLimit(limit) is { } refusal) return refusal;
        return TypedResults.Ok(await Pusher(grains).GetDeadLetters(limit));
    }

    private static async Task<Ok<RedriveResult>> Redrive(IGrainFactory grains, string? instanceId = null) =>
        TypedResults.Ok(new RedriveResult(await Pusher(grains).Redrive(string.IsNullOrEmpty(instanceId) ? null : instanceId)));

    private static async Task<Results<Ok<IReadOnlyList<MeteringRecord>>, ValidationProblem>> GetHeld(IGrainFactory grains, int limit = 100)
    {
        if (Paging.RefuseLimit(limit) is { } refusal) return refusal;
        return TypedResults.Ok(await Pusher(grains).GetHeld(limit));
    }

    private static async Task<Ok<ResolvedResult>> ResolveHeld(IGrainFactory grains, string? instanceId, bool delivered) =>
        TypedResults.Ok(new ResolvedResult(await Pusher(grains).ResolveHeld(string.IsNullOrEmpty(instanceId) ? null : instanceId, delivered)));

    private static IUsagePushGrain Pusher(IGrainFactory grains) => grains.GetUsagePush();
}

/// <summary>How many dead-lettered records were made pending again.</summary>
public sealed record RedriveResult(int Redriven);

/// <summary>How many held records were re-sent or marked pushed.</summary>
public sealed record ResolvedResult(int Resolved);
