using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Provisioning.Grains;
using Provisioning.Grains.Events;

namespace Provisioning.Gateway.SellerApi;

/// <summary>
/// <c>/api/webhooks</c>: the operator's view of the events for the seller's application (admin key). Pages follow the
/// delivery order; <c>cursor</c> is the <c>nextCursor</c> of the page before.
/// </summary>
public static class WebhookApi
{
    public static IEndpointRouteBuilder MapWebhookApi(this IEndpointRouteBuilder endpoints)
    {
        var webhooks = endpoints.MapGroup("/api/webhooks").WithTags("Webhook operations");
        webhooks.MapGet("/outbox", GetOutbox).Needs(SellerKey.Admin).WithName("GetWebhookOutbox")
            .WithSummary("Events not yet delivered, in delivery order: attempts, next attempt and last error");
        webhooks.MapGet("/dead-letters", GetDeadLetters).Needs(SellerKey.Admin).WithName("GetWebhookDeadLetters")
            .WithSummary("Events given up after SellerApplication:DeadLetterAfter of failed deliveries, in delivery order");
        webhooks.MapPost("/dead-letters/{eventId}/redrive", RedriveOne).Needs(SellerKey.Admin).WithName("RedriveWebhookDeadLetter")
            .WithSummary("Delivers one dead-lettered event again, now, under the same webhook-id");
        webhooks.MapPost("/dead-letters/redrive", RedriveAll).Needs(SellerKey.Admin).WithName("RedriveWebhookDeadLetters")
            .WithSummary("Delivers every dead-lettered event again, now, under the same webhook-ids");
        return endpoints;
    }

    private static Task<Results<Ok<OutboxPage>, ValidationProblem>> GetOutbox(IGrainFactory grains, int limit = 100, string? cursor = null) =>
        PageAsync(limit, cursor, (after, n) => grains.GetSellerEventOperations().GetPending(after, n));

    private static Task<Results<Ok<OutboxPage>, ValidationProblem>> GetDeadLetters(IGrainFactory grains, int limit = 100, string? cursor = null) =>
        PageAsync(limit, cursor, (after, n) => grains.GetSellerEventOperations().GetDeadLetters(after, n));

    private static async Task<Results<Ok<WebhookRedriveResult>, NotFoundProblem>> RedriveOne(IGrainFactory grains, string eventId) =>
        await grains.GetSellerEventOperations().Redrive(eventId)
            ? TypedResults.Ok(new WebhookRedriveResult(1))
            : new NotFoundProblem($"No dead-lettered event has the id '{eventId}'");

    private static async Task<Ok<WebhookRedriveResult>> RedriveAll(IGrainFactory grains) =>
        TypedResults.Ok(new WebhookRedriveResult(await grains.GetSellerEventOperations().RedriveAll()));

    private static async Task<Results<Ok<OutboxPage>, ValidationProblem>> PageAsync(
        int limit, string? cursor, Func<long, int, Task<IReadOnlyList<OutboxEntry>>> read)
    {
        if (Paging.RefuseLimit(limit) is { } refusal) return refusal;
        var after = 0L;
        if (!string.IsNullOrEmpty(cursor) && !(long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out after) && after > 0))
        {
            return Paging.Refuse("cursor must be the nextCursor of an earlier page", "cursor");
        }

        var entries = await read(after, limit);
        var next = entries.Count == limit ? entries[^1].Seq.ToString(CultureInfo.InvariantCulture) : null;
        return TypedResults.Ok(new OutboxPage([.. entries.Select(WebhookEventView.From)], next));
    }
}

/// <summary>One page of events; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record OutboxPage(IReadOnlyList<WebhookEventView> Events, string? NextCursor);

/// <summary>Where one event's delivery stands (its data is not shown).</summary>
public sealed record WebhookEventView(
    string EventId, string Stream, string Type, int Attempts, DateTimeOffset NextAttemptAt, string? LastError, DateTimeOffset EnqueuedAt, DateTimeOffset? DeadAt)
{
    public static WebhookEventView From(OutboxEntry e) => new(e.EventId, e.Stream, e.Type, e.Attempts, e.NextAttemptAt, e.LastError, e.EnqueuedAt, e.DeadAt);
}

/// <summary>How many dead-lettered events were made pending again.</summary>
public sealed record WebhookRedriveResult(int Redriven);
