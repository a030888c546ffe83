namespace Provisioning.Gateway.SellerApi;

/// <summary>
/// The key an endpoint needs, as metadata the OpenAPI document reads and as the filter that refuses a caller without it
/// (401, problem details), so what is documented is what is enforced.
/// </summary>
public sealed record KeyRequirement(SellerKey Key)
{
    public string Role => Key.ToString().ToLowerInvariant();
}

internal static class KeyRequirementExtensions
{
    public static RouteHandlerBuilder Needs(this RouteHandlerBuilder endpoint, SellerKey key)
    {
        var requirement = new KeyRequirement(key);
        return endpoint
            .WithMetadata(requirement)
            .AddEndpointFilter(async (context, next) =>
            {
                var http = context.HttpContext;
                if (http.RequestServices.GetRequiredService<ApiKeys>().Holds(http, key)) return await next(context);

                var detail = http.Request.Headers.ContainsKey(ApiKeys.HeaderName)
                    ? $"The {ApiKeys.HeaderName} header does not hold the {requirement.Role} key"
                    : $"The {ApiKeys.HeaderName} header is missing: this endpoint needs the {requirement.Role} key";
                return TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized);
            })
            .ProducesProblem(StatusCodes.Status401Unauthorized);
    }
}
