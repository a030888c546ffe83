using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Provisioning.Grains;
using Provisioning.Grains.Instances;

namespace Provisioning.Gateway.SellerApi;

/// <summary>
/// <c>/api/instances</c>: the seller's application reads one instance (from its grain) or lists them (from the query model, never
/// activating an instance grain), with the read key. <c>?test=true</c> reads the debug namespace.
/// </summary>
public static class InstanceApi
{
    public const int DefaultLimit = 100;

    public static IEndpointRouteBuilder MapInstanceApi(this IEndpointRouteBuilder endpoints)
    {
        var instances = endpoints.MapGroup("/api/instances").WithTags("Instances");
        instances.MapGet("", List).Needs(SellerKey.Read).WithName("ListInstances")
            .WithSummary("A page of instances in instance id order, filtered by status, product, customer and expiry; follow nextCursor for the next page");
        instances.MapGet("/{instanceId}", Get).Needs(SellerKey.Read).WithName("GetInstance")
            .WithSummary("An instance's state, plan, expiry and access URLs (never its initial credentials); with the admin key also its newest marketplace calls");
        return endpoints;
    }

    private static async Task<Results<Ok<InstanceDetailView>, NotFoundProblem>> Get(
        HttpContext http, ApiKeys keys, IGrainFactory grains, string instanceId, bool test = false)
    {
        var snapshot = await grains.GetInstance(new InstanceAddress(instanceId, test ? Traffic.Test : Traffic.Live)).Get();
        if (snapshot is null) return new NotFoundProblem($"No instance '{instanceId}' was opened{(test ? " by test traffic" : "")}");

        var view = InstanceDetailView.From(snapshot);
        if (keys.IsAdmin(http) && await InstanceHistoryApi.GetHistory(grains, instanceId, test) is { Result: Ok<CallHistoryPage> { Value: { } history } })
        {
            view = view with { History = history };
        }

        return TypedResults.Ok(view);
    }

    private static async Task<Results<Ok<InstanceListPage>, ValidationProblem>> List(
        IGrainFactory grains, string? status = null, string? productId = null, string? customerId = null, string? expiresBefore = null,
        bool test = false, int limit = DefaultLimit, string? cursor = null)
    {
        if (Paging.RefuseLimit(limit) is { } refusal) return refusal;

        InstanceStatus? wanted = null;
        if (!string.IsNullOrEmpty(status))
        {
            var name = Enum.GetNames<InstanceStatus>().FirstOrDefault(n => n.Equals(status, StringComparison.OrdinalIgnoreCase));
            if (name is null) return Paging.Refuse($"status must be one of {string.Join(", ", Enum.GetValues<InstanceStatus>().Select(InstanceNames.Of))}", "status");
            wanted = Enum.Parse<InstanceStatus>(name);
        }

        DateTimeOffset? before = null;
        if (!string.IsNullOrEmpty(expiresBefore))
        {
            if (!DateTimeOffset.TryParse(expiresBefore, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return Paging.Refuse("expiresBefore must be an ISO 8601 time, e.g. 2026-12-31T00:00:00Z", "expiresBefore");
            }

            before = parsed;
        }

        string? after = null;
        if (!string.IsNullOrEmpty(cursor))
        {
            if (!InstanceCursor.TryRead(cursor, out var start)) return Paging.Refuse("cursor must be a nextCursor this API answered", "cursor");
            after = start;
        }

        var query = new InstanceQuery(test ? Traffic.Test : Traffic.Live, wanted, Blank(productId), Blank(customerId), before, after, limit);
        var page = await grains.GetInstanceCatalog().List(query);
        return TypedResults.Ok(new InstanceListPage(
            [.. page.Instances.Select(InstanceListItem.From)], page.NextAfter is { } next ? InstanceCursor.Of(next) : null));
    }

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
