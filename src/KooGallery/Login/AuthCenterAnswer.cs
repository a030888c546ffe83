using System.Text.Json;
using Provisioning.KooGallery.OpenApi;

namespace Provisioning.KooGallery.Login;

/// <summary>
/// Reads the OAuth 2.0 answers of a tenant's auth center (kit §D.2): a token or user object on success, otherwise
/// <c>{error, error_description}</c> and the HTTP status, sorted into <see cref="AuthCenterFailure"/>s.
/// </summary>
internal static class AuthCenterAnswer
{
    private const string ClientHint =
        "Check the tenant's clientId (applicationSync) and domainName (tenantSync), and that the clientSecret was RSA-decrypted before use";

    public static AuthCenterResult<AuthCenterTokens> Tokens(int status, ReadOnlySpan<byte> body, SentSecrets sent) =>
        Read(status, body, sent, "token", tokenCall: true, node => new AuthCenterTokens(
            node.RequiredText("access_token"),
            node.Text("token_type") ?? "Bearer",
            node.Integer("expires_in", strict: true) is { } seconds
                ? seconds is > 0 and <= int.MaxValue ? TimeSpan.FromSeconds(seconds) : throw new FormatException($"expires_in {seconds} is out of range")
                : AuthCenterTokens.DefaultLifetime,
            node.Text("scope"),
            node.Text("refresh_token")));

    public static AuthCenterResult<AuthCenterUser> User(int status, ReadOnlySpan<byte> body, SentSecrets sent) =>
        Read(status, body, sent, "userinfo", tokenCall: false, node => new AuthCenterUser(
            node.Text("id"),
            node.RequiredText("userName"),
            node.Text("name"),
            node.Text("email"),
            node.Text("mobile"),
            Role(node.Text("role")),
            node.Text("organizationName"),
            node.Text("organizationCode"),
            node.Text("userId"),
            node.Text("projectName"),
            node.RequiredText("tenant")));

    /// <summary><c>user</c> or <c>admin</c> in any case; null when absent.</summary>
    public static TenantRole? Role(string? text) => text switch
    {
        null => null,
        _ when text.Equals("user", StringComparison.OrdinalIgnoreCase) => TenantRole.User,
        _ when text.Equals("admin", StringComparison.OrdinalIgnoreCase) => TenantRole.Admin,
        _ => throw new FormatException($"role '{QuotedText.Shorten(text, 40)}' is neither user nor admin"),
    };

    /// <summary>A failure decided by the status alone, for answers that carry no OAuth error (CAS, or unreadable bodies).</summary>
    public static AuthCenterResult<T>? ByStatus<T>(int status, string what, bool tokenCall) where T : class => status switch
    {
        >= 500 or 408 or 429 => AuthCenterResult<T>.Failed(AuthCenterFailure.Transient, "", status,
            $"The auth center's {what} endpoint answered HTTP {status}; try again later."),
        401 => AuthCenterResult<T>.Failed(AuthCenterFailure.Unauthorized, "", status,
            $"The auth center's {what} endpoint answered HTTP 401: the credential sent is not accepted."),
        403 => AuthCenterResult<T>.Failed(AuthCenterFailure.Forbidden, "", status,
            $"The auth center's {what} endpoint answered HTTP 403." + (tokenCall ? $" {ClientHint}." : "")),
        < 200 or > 299 => AuthCenterResult<T>.Failed(AuthCenterFailure.Refused, "", status,
            $"The auth center's {what} endpoint answered HTTP {status}."),
        _ => null,
    };

    public static AuthCenterResult<T> Unreadable<T>(int? status, string what, string problem) where T : class =>
        AuthCenterResult<T>.Failed(AuthCenterFailure.Unreadable, "", status, $"The auth center's {what} answer cannot be read: {problem}.");

    private static AuthCenterResult<T> Read<T>(int status, ReadOnlySpan<byte> body, SentSecrets sent, string what, bool tokenCall,
        Func<AnswerNode, T> value) where T : class
    {
        var readable = JsonObjectBody.TryRead(body, out var json, out var problem);
        if (readable && Error(json) is { } error)
        {
            return OAuthError<T>(status, error, Description(json), sent, what, tokenCall);
        }

        if (ByStatus<T>(status, what, tokenCall) is { } failure) return failure;
        if (!readable) return Unreadable<T>(status, what, problem!);
        try
        {
            return AuthCenterResult<T>.Success(value(new AnswerNode(json, "")), status);
        }
        catch (FormatException e)
        {
            return Unreadable<T>(status, what, sent.Scrub(e.Message));
        }
    }

    private static AuthCenterResult<T> OAuthError<T>(int status, string error, string? description, SentSecrets sent, string what, bool tokenCall)
        where T : class
    {
        var said = $"The auth center's {what} endpoint answered {error}" + (description is null ? "" : $" ({sent.Scrub(description)})");
        var quoted = sent.Scrub(error);
        return error switch
        {
            "invalid_client" => AuthCenterResult<T>.Failed(AuthCenterFailure.InvalidClient, quoted, status, $"{said}. {ClientHint}."),
            "invalid_grant" => AuthCenterResult<T>.Failed(AuthCenterFailure.InvalidGrant, quoted, status,
                $"{said}: the {(tokenCall ? "code or refresh token" : "grant")} was already used, has expired or belongs to another client; log in again."),
            _ => AuthCenterResult<T>.Failed(ByStatus<T>(status, what, tokenCall)?.Failure ?? AuthCenterFailure.Refused, quoted, status,
                status == 403 && tokenCall ? $"{said}. {ClientHint}." : said + "."),
        };
    }

    private static string? Error(JsonElement json) =>
        JsonEnvelope.Text(json, "error") is { Length: > 0 } error ? error : null;

    private static string? Description(JsonElement json) =>
        JsonEnvelope.Text(json, "error_description") is { Length: > 0 } description ? description : null;
}
