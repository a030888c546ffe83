using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Provisioning.Marketplace.AuthCenter;

/// <summary>
/// CAS 3.0 at a tenant's auth center (spec §D.3): <c>login</c> answers 302 to a registered service with a service ticket,
/// <c>p3/serviceValidate</c> takes the ticket once for the service it was issued for (XML, or JSON with <c>format=JSON</c>), and
/// <c>logout</c> ends the tenant's session.
/// </summary>
internal sealed class CasEndpoints(TenantDirectory directory, Grants grants, AuthArrivals arrivals, FakeAuthCenterOptions options, Action<string> log)
{
    private static readonly XNamespace Cas = "http://www.yale.edu/tp/cas";

    public void Map(IEndpointRouteBuilder app)
    {
        var tenant = app.MapGroup(AuthCenterPaths.TenantRoute);
        tenant.MapGet(AuthCenterPaths.CasLogin, Login);
        tenant.MapGet(AuthCenterPaths.CasValidate, Validate);
        tenant.MapGet(AuthCenterPaths.CasLogout, Logout);
    }

    private IResult Login(string tenantId, HttpRequest request)
    {
        if (directory.Script(tenantId) is not { } tenant) return Results.NotFound();
        var query = SingleParameters.Of(request.Query);
        if (query.Duplicated is { } duplicated) return Results.BadRequest($"{duplicated} is given more than once");
        if (query["service"] is not { } service || !Registered(tenant, service)) return Results.BadRequest("service is not a registered callback URL");
        if (BrowserEndpoints.UserLoggingIn(directory, tenantId, query[AuthCenterPaths.UserParameter]) is not { } user)
        {
            return Results.Text("No user is signed in at this auth center: sign one in through the control API or name one with ?user=.", statusCode: 401);
        }

        var ticket = grants.IssueTicket(new TicketGrant(tenantId, service, user.UserName, DateTimeOffset.UtcNow + options.TicketLifetime));
        log($"cas login {tenantId}: {user.UserName} logs in, ticket issued");
        return Results.Redirect(AuthCenterPaths.Append(service, $"ticket={ticket}"));
    }

    private IResult Validate(string tenantId, HttpRequest request)
    {
        if (directory.Script(tenantId) is null) return Results.NotFound();
        var query = SingleParameters.Of(request.Query);
        var json = string.Equals(query["format"], "JSON", StringComparison.OrdinalIgnoreCase);
        if (query.Duplicated is { } duplicated) return Failure(json, "INVALID_REQUEST", $"{duplicated} is given more than once");
        if (query["service"] is not { } service || query["ticket"] is not { } ticket) return Failure(json, "INVALID_REQUEST", "service and ticket are mandatory");

        arrivals.TicketValidation(json);
        var redemption = grants.RedeemTicket(ticket);
        if (redemption.UsedBefore) arrivals.TicketValidatedTwice();
        var problem = redemption.Grant switch
        {
            null => ("INVALID_TICKET", redemption.UsedBefore ? "the ticket was already validated" : "the ticket is unknown"),
            { } g when g.TenantId != tenantId => ("INVALID_TICKET", "the ticket is another tenant's"),
            { } g when g.Expires <= DateTimeOffset.UtcNow => ("INVALID_TICKET", "the ticket expired"),
            { } g when g.Service != service => ("INVALID_SERVICE", "the service differs from the one the ticket was issued for"),
            _ => default((string Code, string Description)?),
        };
        if (problem is { } refused)
        {
            log($"cas validate {tenantId}: {refused.Code}, {refused.Description}");
            return Failure(json, refused.Code, refused.Description);
        }

        if (directory.User(tenantId, redemption.Grant!.UserName) is not { } user) return Failure(json, "INVALID_TICKET", "the user no longer exists");
        log($"cas validate {tenantId}: {user.UserName}");
        return json ? Results.Json(new { serviceResponse = new { authenticationSuccess = new { user = user.UserName, attributes = Attributes(tenantId, user).ToDictionary() } } }) : Xml(Success(tenantId, user));
    }

    private IResult Logout(string tenantId, HttpRequest request)
    {
        if (directory.Script(tenantId) is null) return Results.NotFound();
        var query = SingleParameters.Of(request.Query);
        if (query.Duplicated is { } duplicated) return Results.BadRequest($"{duplicated} is given more than once");
        BrowserEndpoints.EndSession(directory, grants, arrivals, tenantId);
        log($"cas logout {tenantId}");
        return query["service"] is { } service ? Results.Redirect(service) : Results.Text("Logged out.");
    }

    // The service may carry its own query (the spec's example appends &tenant=…), so only scheme, host and path must be registered.
    private static bool Registered(TenantScript tenant, string service) =>
        tenant.RedirectUris.Any(uri => string.Equals(WithoutQuery(uri), WithoutQuery(service), StringComparison.Ordinal));

    private static string WithoutQuery(string url) => url.Split('?', 2)[0];

    private static IEnumerable<KeyValuePair<string, string>> Attributes(string tenantId, AuthUser user) =>
    [
        new("authenticationDate", DateTimeOffset.UtcNow.ToString("O")),
        new("longTermAuthenticationRequestTokenUsed", "false"),
        new("isFromNewLogin", "true"),
        new("role", user.Role),
        new("organizationCode", user.OrganizationCode),
        new("name", user.Name),
        new("userName", user.UserName),
        new("tenant", tenantId),
    ];

    private static XElement Success(string tenantId, AuthUser user) =>
        new(Cas + "authenticationSuccess",
            new XElement(Cas + "user", user.UserName),
            new XElement(Cas + "attributes", Attributes(tenantId, user).Select(a => new XElement(Cas + a.Key, a.Value))));

    private static IResult Failure(bool json, string code, string description) =>
        json
            ? Results.Json(new { serviceResponse = new { authenticationFailure = new { code, description } } })
            : Xml(new XElement(Cas + "authenticationFailure", new XAttribute("code", code), description));

    private static IResult Xml(XElement answer) =>
        Results.Text(new XElement(Cas + "serviceResponse", new XAttribute(XNamespace.Xmlns + "cas", Cas.NamespaceName), answer).ToString(), "application/xml; charset=utf-8");
}
