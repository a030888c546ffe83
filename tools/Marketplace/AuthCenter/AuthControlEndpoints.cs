using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Provisioning.Marketplace.OpenApi;

namespace Provisioning.Marketplace.AuthCenter;

/// <summary>
/// <c>/simulator/…</c>: how a test, or a person with curl, drives the fake auth center: register tenants and their users, say who
/// is signed in, queue token and userinfo faults, and read what arrived. Not part of the auth center's API.
/// </summary>
internal static class AuthControlEndpoints
{
    public const string Prefix = ControlEndpoints.Prefix;

    public static void Map(IEndpointRouteBuilder app, TenantDirectory directory, AuthFaults faults, AuthArrivals arrivals)
    {
        var control = app.MapGroup(Prefix);
        control.MapPut("/tenants/{tenantId}", (string tenantId, TenantScript script) =>
        {
            if (Problem(tenantId, script) is { } problem) return Results.BadRequest(problem);
            directory.Register(tenantId, script);
            return Results.NoContent();
        });
        control.MapPut("/tenants/{tenantId}/users/{userName}", (string tenantId, string userName, AuthUser user) =>
            user.UserName != userName ? Results.BadRequest("the body's userName differs from the path's")
            : string.IsNullOrEmpty(user.Name) || user.Role is not ("user" or "admin") ? Results.BadRequest("name is mandatory and role is user or admin")
            : directory.AddUser(tenantId, user) ? Results.NoContent()
            : Results.NotFound());
        control.MapPut("/tenants/{tenantId}/signed-in", (string tenantId, SignInRequest request) =>
            directory.SignIn(tenantId, request.UserName) ? Results.NoContent() : Results.NotFound());
        control.MapDelete("/tenants/{tenantId}/signed-in", (string tenantId) =>
        {
            directory.SignOut(tenantId);
            return Results.NoContent();
        });
        control.MapPost("/faults/token", (TokenFaultRequest request) => Inject(request.Count, () => faults.InjectToken(request.Fault, request.Count)));
        control.MapPost("/faults/userinfo", (UserinfoFaultRequest request) => Inject(request.Count, () => faults.InjectUserinfo(request.Count)));
        control.MapGet("/arrivals", () => Results.Ok(arrivals.Snapshot()));
    }

    private static string? Problem(string tenantId, TenantScript script) =>
        tenantId == Prefix.TrimStart('/') ? "that tenant ID is the control API's"
        : string.IsNullOrEmpty(script.ClientId) || string.IsNullOrEmpty(script.ClientSecret) ? "clientId and clientSecret are mandatory"
        : script.RedirectUris is not { Count: > 0 } || !script.RedirectUris.All(u => Uri.TryCreate(u, UriKind.Absolute, out _)) ? "redirectUris must be absolute URLs, at least one"
        : null;

    private static IResult Inject(int count, Action inject)
    {
        if (count is < 1 or > 1000) return Results.BadRequest("count must be between 1 and 1000");
        inject();
        return Results.NoContent();
    }
}
