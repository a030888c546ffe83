using System.Net;
using Microsoft.Net.Http.Headers;

namespace Provisioning.Gateway.Login;

/// <summary>What a login answers the browser: redirects and refusals, never cached.</summary>
public static class LoginResponses
{
    /// <summary>The response header naming the <see cref="LoginError.Code"/> of a refusal.</summary>
    public const string ErrorHeader = "Login-Error";

    public static IResult Redirect(HttpResponse response, string url)
    {
        NoStore(response);
        return Results.Redirect(url);
    }

    /// <summary>A page naming the error (or, to a client asking for JSON, <c>{"error", "error_description"}</c>), with its status.</summary>
    public static IResult Refused(HttpContext http, LoginRefusedException refusal)
    {
        NoStore(http.Response);
        http.Response.Headers[ErrorHeader] = refusal.Error.Code;
        if (http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)))
        {
            return Results.Json(new { error = refusal.Error.Code, error_description = refusal.Message }, statusCode: refusal.Error.Status);
        }

        return Page($"Login refused: {refusal.Error.Code}", refusal.Message, refusal.Error.Status);
    }

    /// <summary>A short page, e.g. after a logout with nowhere to return to.</summary>
    public static IResult Page(string title, string text, int status = StatusCodes.Status200OK) =>
        Results.Content($"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(title)}</title></head>
            <body><h1>{WebUtility.HtmlEncode(title)}</h1><p>{WebUtility.HtmlEncode(text)}</p></body></html>
            """, "text/html; charset=utf-8", statusCode: status);

    private static void NoStore(HttpResponse response) => response.Headers[HeaderNames.CacheControl] = "no-store";
}
