using System.Buffers.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Provisioning.Marketplace.AuthCenter;

/// <summary>
/// The calls a browser makes at a tenant's auth center (spec §D.2): <c>authorize</c>, which has no login page here (the user
/// signed in through the control API, or named by the fake's own <c>user</c> parameter, "logs in") and answers 302 to the
/// registered callback with a code, and <c>logout</c>, which ends the tenant's session and revokes its user's tokens.
/// </summary>
internal sealed class BrowserEndpoints(TenantDirectory directory, Grants grants, AuthArrivals arrivals, FakeAuthCenterOptions options, Action<string> log)
{
    public void Map(IEndpointRouteBuilder app)
    {
        var tenant = app.MapGroup(AuthCenterPaths.TenantRoute);
        tenant.MapGet(AuthCenterPaths.Authorize, Authorize);
        tenant.MapGet(AuthCenterPaths.Logout, Logout);
        tenant.MapGet(AuthCenterPaths.LoginPage, (string tenantId) => Results.Text($"The fake auth center of tenant {tenantId} has no login page: sign a user in through its control API."));
    }

    private IResult Authorize(string tenantId, HttpRequest request)
    {
        if (directory.Script(tenantId) is not { } tenant) return Results.NotFound();
        var query = SingleParameters.Of(request.Query);
        if (query.Duplicated is { } duplicated) return Refuse("invalid_request", $"{duplicated} is given more than once");
        if (query["client_id"] != tenant.ClientId) return Refuse("invalid_client", "Client ID mismatch");
        if (query["redirect_uri"] is not { } redirectUri || !tenant.RedirectUris.Contains(redirectUri, StringComparer.Ordinal))
        {
            return Refuse("invalid_request", "redirect_uri is not a registered callback URL");
        }

        // From here on the callback is trusted, so errors go back to it (RFC 6749 §4.1.2.1).
        var state = query["state"];
        if (state is not null && !state.All(char.IsAsciiLetterOrDigit)) return Back(redirectUri, "invalid_request", "state must be alphanumeric", null);
        if (query["response_type"] != "code") return Back(redirectUri, "unsupported_response_type", "response_type must be code", state);
        var challenge = query["code_challenge"];
        if (challenge is not null && (query["code_challenge_method"] != "S256" || !IsS256Challenge(challenge)))
        {
            return Back(redirectUri, "invalid_request", "only a code_challenge_method S256 challenge (43 base64url characters) is supported", state);
        }

        if (UserLoggingIn(tenantId, query[AuthCenterPaths.UserParameter]) is not { } user)
        {
            return Results.Text("No user is signed in at this auth center: sign one in through the control API or name one with ?user=.", statusCode: 401);
        }

        var scope = query["scope"] ?? "get_user_info";
        var code = grants.IssueCode(new CodeGrant(tenantId, tenant.ClientId, redirectUri, challenge, user.UserName, scope, DateTimeOffset.UtcNow + options.CodeLifetime));
        log($"authorize {tenantId}: {user.UserName} logs in, code issued{(challenge is null ? "" : " (PKCE)")}");
        var answer = $"code={Uri.EscapeDataString(code)}" + (state is null ? "" : $"&state={state}") + $"&tenant={Uri.EscapeDataString(tenantId)}";
        return Results.Redirect(AuthCenterPaths.Append(redirectUri, answer));
    }

    private IResult Logout(string tenantId, HttpRequest request)
    {
        if (directory.Script(tenantId) is null) return Results.NotFound();
        var query = SingleParameters.Of(request.Query);
        if (query.Duplicated is { } duplicated) return Refuse("invalid_request", $"{duplicated} is given more than once");
        EndSession(directory, grants, arrivals, tenantId);
        log($"logout {tenantId}");
        return Results.Redirect(query["redirect_url"] ?? $"/{Uri.EscapeDataString(tenantId)}{AuthCenterPaths.LoginPage}");
    }

    internal static void EndSession(TenantDirectory directory, Grants grants, AuthArrivals arrivals, string tenantId)
    {
        arrivals.Logout();
        if (directory.SignOut(tenantId) is { } userName) grants.RevokeUser(tenantId, userName);
    }

    internal static AuthUser? UserLoggingIn(TenantDirectory directory, string tenantId, string? named)
    {
        if (named is null) return directory.SignedIn(tenantId);
        return directory.SignIn(tenantId, named) ? directory.User(tenantId, named) : null;
    }

    private AuthUser? UserLoggingIn(string tenantId, string? named) => UserLoggingIn(directory, tenantId, named);

    private static bool IsS256Challenge(string challenge) => challenge.Length == 43 && Base64Url.IsValid(challenge);

    private static IResult Refuse(string error, string description) => OAuthAnswers.Error(400, error, description);

    private static IResult Back(string redirectUri, string error, string description, string? state) =>
        Results.Redirect(AuthCenterPaths.Append(redirectUri, $"error={error}&error_description={Uri.EscapeDataString(description)}" + (state is null ? "" : $"&state={state}")));
}
