using Microsoft.AspNetCore.Http;

namespace Provisioning.Marketplace.AuthCenter;

/// <summary>The auth center's OAuth answers: RFC 6749 §5 token answers and errors, never cached.</summary>
internal static class OAuthAnswers
{
    public static IResult Error(int status, string error, string description) =>
        new NoStore(Results.Json(new { error, error_description = description }, statusCode: status));

    public static IResult Tokens(TokenPair pair, TimeSpan accessLifetime, string scope) =>
        new NoStore(Results.Json(new
        {
            access_token = pair.AccessToken,
            token_type = "Bearer",
            expires_in = (long)accessLifetime.TotalSeconds,
            scope,
            refresh_token = pair.RefreshToken,
        }));

    private sealed class NoStore(IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.CacheControl = "no-store";
            return inner.ExecuteAsync(httpContext);
        }
    }
}
