using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Provisioning.Gateway.SellerApi;

/// <summary>
/// Problem-details answers (RFC 9457) of the seller API, one type per status, so a handler's <c>Results&lt;…&gt;</c> tells the
/// OpenAPI document which problems it answers (a plain <see cref="Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult"/> does not).
/// </summary>
public abstract class SellerProblem(int status, string detail) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => status;

    public Task ExecuteAsync(HttpContext httpContext) => TypedResults.Problem(detail, statusCode: status).ExecuteAsync(httpContext);

    protected static void Document(EndpointBuilder builder, int status) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]));
}

/// <summary>400: the request body is not what the endpoint reads.</summary>
public sealed class BadRequestProblem(string detail) : SellerProblem(StatusCodes.Status400BadRequest, detail), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Document(builder, StatusCodes.Status400BadRequest);
}

/// <summary>403: the key is valid but does not allow what was asked.</summary>
public sealed class ForbiddenProblem(string detail) : SellerProblem(StatusCodes.Status403Forbidden, detail), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Document(builder, StatusCodes.Status403Forbidden);
}

/// <summary>404: nothing is known under that id.</summary>
public sealed class NotFoundProblem(string detail) : SellerProblem(StatusCodes.Status404NotFound, detail), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Document(builder, StatusCodes.Status404NotFound);
}

/// <summary>409: the gateway is not configured for what was asked.</summary>
public sealed class ConflictProblem(string detail) : SellerProblem(StatusCodes.Status409Conflict, detail), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Document(builder, StatusCodes.Status409Conflict);
}

/// <summary>503: the grains or the database did not answer; the same request can be sent again.</summary>
public sealed class UnavailableProblem(string detail) : SellerProblem(StatusCodes.Status503ServiceUnavailable, detail), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Document(builder, StatusCodes.Status503ServiceUnavailable);
}
