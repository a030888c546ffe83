using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Provisioning.Marketplace.OpenApi;

/// <summary>
/// <c>/simulator/…</c>: how a scenario, or a person with curl, drives the fake open API: register orders, read how they were
/// queried, read the usage received, and queue usage-push faults. Not part of KooGallery's API.
/// </summary>
internal static class ControlEndpoints
{
    public const string Prefix = "/simulator";

    public static void Map(IEndpointRouteBuilder app, OrderBook orders, UsageLedger usage, UsageFaults faults)
    {
        var control = app.MapGroup(Prefix);
        control.MapPut("/orders/{orderId}", (string orderId, OrderScript script) =>
        {
            orders.Script(orderId, script);
            return Results.NoContent();
        });
        control.MapGet("/orders/{orderId}", (string orderId) => orders.Trace(orderId) is { } trace ? Results.Ok(trace) : Results.NotFound());
        control.MapGet("/usage", () => Results.Ok(usage.Snapshot()));
        control.MapPost("/usage/faults", (UsageFaultRequest request) =>
        {
            if (request.Count is < 1 or > 1000) return Results.BadRequest("count must be between 1 and 1000");
            faults.Inject(request.Fault, request.Count);
            return Results.NoContent();
        });
    }
}
