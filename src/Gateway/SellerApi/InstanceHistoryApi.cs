using Microsoft.AspNetCore.Http.HttpResults;
using Provisioning.Grains;
using Provisioning.Grains.CallHistory;
using Provisioning.Grains.Instances;

namespace Provisioning.Gateway.SellerApi;

/// <summary>
/// <c>GET /api/instances/{instanceId}/history</c> (admin key): every authentic marketplace call that touched the instance,
/// newest first, a keyset page at a time. <c>?test=true</c> reads the instance of test traffic.
/// </summary>
public static class InstanceHistoryApi
{
    public const int DefaultLimit = 100;

    public static IEndpointRouteBuilder MapInstanceHistoryApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/instances/{instanceId}/history", GetHistory).WithTags("Instances").Needs(SellerKey.Admin).WithName("GetInstanceHistory")
            .WithSummary("The marketplace calls that touched the instance, newest first: time, activity, order, result code and message, latency, trace id");
        return endpoints;
    }

    /// <summary>A page of the instance's history after <paramref name="cursor"/> (a previous page's <c>nextCursor</c>), or the refusal of a bad parameter.</summary>
    public static async Task<Results<Ok<CallHistoryPage>, ValidationProblem>> GetHistory(
        IGrainFactory grains, string instanceId, bool test = false, int limit = DefaultLimit, string? cursor = null)
    {
        if (Paging.RefuseLimit(limit) is { } refusal) return refusal;
        CallHistoryPosition? after = null;
        if (cursor is not null && !CallHistoryCursor.TryDecode(cursor, out after)) return Paging.Refuse("cursor is not a nextCursor of this history", "cursor");

        // One more than asked tells whether another page follows, so the last page has no cursor.
        var calls = await grains.GetCallHistory().Read(instanceId, test ? Traffic.Test : Traffic.Live, limit + 1, after);
        var page = calls.Take(limit).ToList();
        var next = calls.Count > limit ? CallHistoryCursor.Encode(page[^1].Position) : null;
        return TypedResults.Ok(new CallHistoryPage(instanceId, test, [.. page.Select(c => CallView.From(c.Entry))], next));
    }
}
