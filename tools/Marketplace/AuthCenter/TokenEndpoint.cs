using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Provisioning.Marketplace.AuthCenter;

/// <summary>
/// <c>POST /api/v1/oauth2/token</c> (spec §D.2): the client authenticates with its <c>client_id</c> and decrypted
/// <c>client_secret</c> in the form, then exchanges a code (single use, bound to the client, the callback and any PKCE
/// challenge, short-lived) or a refresh token for an access token. Plays the queued token faults.
/// </summary>
internal sealed class TokenEndpoint(TenantDirectory directory, Grants grants, AuthArrivals arrivals, AuthFaults faults, FakeAuthCenterOptions options, Action<string> log)
{
    public void Map(IEndpointRouteBuilder app) => app.MapGroup(AuthCenterPaths.TenantRoute).MapPost(AuthCenterPaths.Token, AnswerAsync);

    private async Task<IResult> AnswerAsync(string tenantId, HttpContext http)
    {
        if (directory.Script(tenantId) is not { } tenant) return Results.NotFound();
        if (!http.Request.HasFormContentType) return Refuse("invalid_request", "the body must be application/x-www-form-urlencoded");
        var form = SingleParameters.Of(await http.Request.ReadFormAsync(http.RequestAborted));
        var grantType = form["grant_type"];
        arrivals.TokenRequest(grantType ?? "");

        var fault = faults.NextToken();
        if (fault == TokenFault.Error) return Say(tenantId, grantType, "injected 500", OAuthAnswers.Error(500, "server_error", "injected fault"));
        if (fault == TokenFault.InvalidClient) return Say(tenantId, grantType, "injected invalid_client", BadClient("Bad client credentials"));

        var answer = Answer(tenantId, tenant, form, grantType);
        if (fault == TokenFault.Slow)
        {
            log($"token {tenantId} {grantType}: answer held back {options.SlowHold}");
            await Task.Delay(options.SlowHold, http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        return answer;
    }

    private IResult Answer(string tenantId, TenantScript tenant, SingleParameters form, string? grantType)
    {
        if (form.Duplicated is { } duplicated) return Say(tenantId, grantType, "duplicated parameter", Refuse("invalid_request", $"{duplicated} is given more than once"));
        if (form["client_id"] is not { } clientId || form["client_secret"] is not { } secret) return Say(tenantId, grantType, "no client credentials", Refuse("invalid_request", "client_id and client_secret are mandatory"));
        if (clientId != tenant.ClientId) return Say(tenantId, grantType, "client ID mismatch", BadClient("Client ID mismatch"));
        var matched = SameText(tenant.ClientSecret, secret);
        arrivals.Secret(matched);
        if (!matched) return Say(tenantId, grantType, "bad client credentials", BadClient("Bad client credentials"));

        return grantType switch
        {
            null => Say(tenantId, grantType, "no grant_type", Refuse("invalid_request", "grant_type is mandatory")),
            "authorization_code" => ExchangeCode(tenantId, clientId, form),
            "refresh_token" => Refresh(tenantId, clientId, form),
            _ => Say(tenantId, grantType, "unsupported grant_type", Refuse("unsupported_grant_type", "grant_type must be authorization_code or refresh_token")),
        };
    }

    private IResult ExchangeCode(string tenantId, string clientId, SingleParameters form)
    {
        const string grantType = "authorization_code";
        if (form["code"] is not { } code) return Say(tenantId, grantType, "no code", Refuse("invalid_request", "code is mandatory"));
        var redemption = grants.RedeemCode(code);
        if (redemption.UsedBefore)
        {
            arrivals.CodeRedeemedTwice();
            return Say(tenantId, grantType, "code redeemed twice, its tokens revoked", Grant("the code was already used"));
        }

        var problem = redemption.Grant switch
        {
            null => "the code is unknown",
            { } g when g.TenantId != tenantId || g.ClientId != clientId => "the code was issued to another client",
            { } g when g.Expires <= DateTimeOffset.UtcNow => "the code expired",
            { } g when form["redirect_uri"] is { } uri && uri != g.RedirectUri => "redirect_uri differs from the authorization request's",
            { CodeChallenge: null } when form["code_verifier"] is not null => "code_verifier sent for a code issued without code_challenge",
            { CodeChallenge: { } challenge } when !Verifies(challenge, form["code_verifier"]) => "code_verifier does not match the code_challenge",
            _ => null,
        };
        if (problem is not null) return Say(tenantId, grantType, problem, Grant(problem));

        var issued = redemption.Grant!;
        var now = DateTimeOffset.UtcNow;
        var pair = grants.IssueTokens(
            new TokenGrant(tenantId, clientId, issued.UserName, issued.Scope, now + options.AccessTokenLifetime),
            new TokenGrant(tenantId, clientId, issued.UserName, issued.Scope, now + options.RefreshTokenLifetime),
            code);
        return Say(tenantId, grantType, $"tokens for {issued.UserName}", OAuthAnswers.Tokens(pair, options.AccessTokenLifetime, issued.Scope));
    }

    private IResult Refresh(string tenantId, string clientId, SingleParameters form)
    {
        const string grantType = "refresh_token";
        if (form["refresh_token"] is not { } refreshToken) return Say(tenantId, grantType, "no refresh_token", Refuse("invalid_request", "refresh_token is mandatory"));
        TokenGrant? refreshed = null;
        var access = grants.Refresh(refreshToken, refresh =>
            refresh.TenantId != tenantId || refresh.ClientId != clientId || refresh.Expires <= DateTimeOffset.UtcNow
                ? null
                : refreshed = refresh with { Expires = DateTimeOffset.UtcNow + options.AccessTokenLifetime });
        if (access is null || refreshed is null) return Say(tenantId, grantType, "refresh token refused", Grant("the refresh token is unknown, expired, revoked or another client's"));
        return Say(tenantId, grantType, $"access token for {refreshed.UserName}", OAuthAnswers.Tokens(new TokenPair(access, refreshToken), options.AccessTokenLifetime, refreshed.Scope));
    }

    private static bool Verifies(string challenge, string? verifier)
    {
        if (verifier is null || verifier.Length is < 43 or > 128) return false;
        var computed = Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        return SameText(challenge, computed);
    }

    private IResult Say(string tenantId, string? grantType, string what, IResult answer)
    {
        log($"token {tenantId} {grantType ?? "(no grant_type)"}: {what}");
        return answer;
    }

    private static IResult Refuse(string error, string description) => OAuthAnswers.Error(400, error, description);

    private static IResult Grant(string description) => OAuthAnswers.Error(400, "invalid_grant", description);

    private static IResult BadClient(string description) => OAuthAnswers.Error(401, "invalid_client", description);

    // The fake plays a server that must not leak where a secret differs, like ours.
    private static bool SameText(string expected, string received) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(received));
}
