using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Provisioning.Marketplace.AuthCenter;

/// <summary>
/// <c>GET /api/v1/oauth2/userinfo</c> (spec §D.2): a live Bearer access token of this tenant, and <c>Accept: application/json</c>,
/// gets the user it was issued for; anything else 401 <c>unauthorized</c>. Plays the queued userinfo faults.
/// </summary>
internal sealed class UserinfoEndpoint(TenantDirectory directory, Grants grants, AuthArrivals arrivals, AuthFaults faults, Action<string> log)
{
    private const string BearerPrefix = "Bearer ";

    public void Map(IEndpointRouteBuilder app) => app.MapGroup(AuthCenterPaths.TenantRoute).MapGet(AuthCenterPaths.Userinfo, Answer);

    private IResult Answer(string tenantId, HttpRequest request)
    {
        if (directory.Script(tenantId) is null) return Results.NotFound();
        arrivals.UserinfoCall();
        if (faults.NextUserinfo()) return Unauthorized(tenantId, "injected fault");
        if (!request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true))
        {
            log($"userinfo {tenantId}: no Accept: application/json");
            return OAuthAnswers.Error(406, "not_acceptable", "Accept: application/json is mandatory");
        }

        var authorization = request.Headers.Authorization;
        if (authorization.Count != 1 || authorization[0] is not { } header || !header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return Unauthorized(tenantId, "no Bearer access token");
        }

        var grant = grants.Access(header[BearerPrefix.Length..].Trim());
        if (grant is null || grant.TenantId != tenantId || grant.Expires <= DateTimeOffset.UtcNow) return Unauthorized(tenantId, "the access token is unknown, expired, revoked or another tenant's");
        if (directory.User(tenantId, grant.UserName) is not { } user) return Unauthorized(tenantId, "the user no longer exists");

        log($"userinfo {tenantId}: {user.UserName}");
        var id = user.Id ?? user.UserName;
        return Results.Json(new
        {
            id,
            userName = user.UserName,
            name = user.Name,
            email = user.Email,
            mobile = user.Mobile,
            role = user.Role,
            organizationName = user.OrganizationName,
            organizationCode = user.OrganizationCode,
            userId = id,
            projectName = tenantId,
            tenant = tenantId,
            accName = user.UserName,
            loginName = user.UserName,
        });
    }

    private IResult Unauthorized(string tenantId, string why)
    {
        log($"userinfo {tenantId}: 401, {why}");
        return new WithChallenge(OAuthAnswers.Error(401, "unauthorized", why));
    }

    private sealed class WithChallenge(IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            return inner.ExecuteAsync(httpContext);
        }
    }
}
