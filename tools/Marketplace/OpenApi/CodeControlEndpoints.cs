using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Provisioning.Marketplace.OpenApi;

/// <summary>
/// <c>/simulator/codes/…</c>: register activation codes, change their expiry, status or claim (as a renewal or freeze does),
/// queue faults for one code or for the next calls of any, and read what arrived for a code. Not part of KooGallery's API.
/// </summary>
internal static class CodeControlEndpoints
{
    public const string Prefix = ControlEndpoints.Prefix + "/codes";

    public static void Map(IEndpointRouteBuilder app, CodeBook codes)
    {
        var control = app.MapGroup(Prefix);
        control.MapPut("/{code}", (string code, CodeScript script) =>
        {
            codes.Add(code, script);
            return Results.NoContent();
        });
        control.MapPatch("/{code}", (string code, CodeChange change) => codes.Change(code, change) ? Results.NoContent() : Results.NotFound());
        control.MapGet("/{code}", (string code) => codes.Trace(code) is { } trace ? Results.Ok(trace) : Results.NotFound());
        control.MapPost("/faults", (CodeFaultRequest request) => Inject(codes, null, request));
        control.MapPost("/{code}/faults", (string code, CodeFaultRequest request) => Inject(codes, code, request));
    }

    private static IResult Inject(CodeBook codes, string? code, CodeFaultRequest request) =>
        request.Count is < 1 or > 1000 ? Results.BadRequest("count must be between 1 and 1000")
        : codes.Inject(code, request.Fault, request.Count) ? Results.NoContent()
        : Results.NotFound();
}
