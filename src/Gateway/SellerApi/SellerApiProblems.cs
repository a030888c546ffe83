namespace Provisioning.Gateway.SellerApi;

/// <summary>
/// Problem details for the seller API's answers that no handler wrote: an unknown route, a method the route does not take,
/// or a parameter ASP.NET Core could not bind (outside Development that is an empty 400). Only under <c>/api</c>: the
/// marketplace callbacks answer in KooGallery's protocol.
/// </summary>
public static class SellerApiProblems
{
    public static IApplicationBuilder UseSellerApiProblems(this IApplicationBuilder app) =>
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            var request = $"{http.Request.Method} {http.Request.Path}";
            var detail = http.Response.StatusCode switch
            {
                StatusCodes.Status400BadRequest => $"{request}: a parameter is missing or has the wrong type (the document at {SellerApiDocument.DocumentUrl} gives them)",
                StatusCodes.Status404NotFound => $"No seller API endpoint answers {request}",
                StatusCodes.Status405MethodNotAllowed => $"{http.Request.Path} does not answer {http.Request.Method}",
                _ => null,
            };
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = { Status = http.Response.StatusCode, Detail = detail },
            });
        }));
}
