using Microsoft.AspNetCore.Http;

namespace Provisioning.Marketplace.OpenApi;

/// <summary>The fake open API's JSON answers, in the shapes KooGallery uses (order query: resultCode; usage push: error_code).</summary>
internal static class OpenApiAnswers
{
    public static IResult Json(int status, string body) => Results.Content(body, "application/json", statusCode: status);

    public static IResult Order(int status, string code, string message) =>
        Json(status, $$"""{"resultCode":"{{code}}","resultMsg":"{{message}}"}""");

    public static IResult Usage(int status, string code, string message) =>
        Json(status, $$"""{"error_code":"{{code}}","error_msg":"{{message}}"}""");
}
