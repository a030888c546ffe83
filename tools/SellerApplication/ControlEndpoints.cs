using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Provisioning.SellerApplication;

/// <summary>
/// <c>/simulator/…</c>: how a scenario, or a person with curl, drives the fake seller application: read what it received, queue
/// faults per endpoint and event type, and set the access info the provisioning hook answers. Not part of any seller's API.
/// </summary>
internal static class ControlEndpoints
{
    public const string Prefix = "/simulator";

    public static void Map(IEndpointRouteBuilder app, FakeSellerApplication fake)
    {
        var control = app.MapGroup(Prefix);
        control.MapGet("/events", () => Results.Ok(fake.Events.Snapshot()));
        control.MapGet("/provisioning", () => Results.Ok(fake.Provisioning.Snapshot()));
        control.MapGet("/faults", () => Results.Ok(fake.FaultCounts()));
        control.MapPost("/faults/events", (FaultRule rule) => Inject(fake.EventFaults, rule));
        control.MapPost("/faults/provisioning", (FaultRule rule) => Inject(fake.ProvisioningFaults, rule));
        control.MapDelete("/faults", () =>
        {
            fake.EventFaults.Clear();
            fake.ProvisioningFaults.Clear();
            return Results.NoContent();
        });
        control.MapPut("/provisioning/access", (AccessInfo access) =>
        {
            fake.ProvisioningAnswer.Access = access;
            return Results.NoContent();
        });
        control.MapDelete("/provisioning/access", () =>
        {
            fake.ProvisioningAnswer.Access = null;
            return Results.NoContent();
        });
    }

    private static IResult Inject(DeliveryFaults faults, FaultRule rule)
    {
        if (rule.Problem() is { } problem) return Results.BadRequest(problem);
        faults.Inject(rule);
        return Results.NoContent();
    }
}
