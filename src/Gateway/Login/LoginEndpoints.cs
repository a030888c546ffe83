using Microsoft.Extensions.Options;
using Provisioning.Gateway.Telemetry;

namespace Provisioning.Gateway.Login;

/// <summary>Maps the login bridge (docs/login.md) at the paths of <see cref="LoginOptions"/>, outside the seller API's document.</summary>
public static class LoginEndpoints
{
    private const string LogCategory = "Provisioning.Gateway.Login";

    public static IEndpointRouteBuilder MapLogin(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<LoginOptions>>().Value;
        Map(endpoints, options.LoginPath, "start", (http, services) => services.GetRequiredService<LoginStarts>().OAuthAsync(http, TenantOf(http)));
        Map(endpoints, options.CasLoginPath, "CAS start", (http, services) => services.GetRequiredService<LoginStarts>().CasAsync(http, TenantOf(http)));
        Map(endpoints, options.CallbackPath, "callback", (http, services) => services.GetRequiredService<LoginCallbacks>().OAuthAsync(http));
        Map(endpoints, options.CasCallbackPath, "CAS callback", (http, services) => services.GetRequiredService<LoginCallbacks>().CasAsync(http));
        Map(endpoints, options.RefreshPath, "refresh", (http, services) => services.GetRequiredService<LoginSessions>().RefreshAsync(http));
        Map(endpoints, options.LogoutPath, "logout", (http, services) => services.GetRequiredService<LoginSessions>().LogoutAsync(http));
        endpoints.MapLoginDiscovery();
        return endpoints;
    }

    private static void Map(IEndpointRouteBuilder endpoints, string path, string step, Func<HttpContext, IServiceProvider, Task<IResult>> run) =>
        endpoints.MapGet(path, async (HttpContext http) =>
        {
            var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(LogCategory);
            var metrics = http.RequestServices.GetRequiredService<LoginMetrics>();
            try
            {
                var answer = await run(http, http.RequestServices);
                metrics.Record(step, "answered");
                return answer;
            }
            catch (LoginRefusedException refusal)
            {
                logger.Refused(step, TenantNamed(http), refusal.Error.Code, refusal.Message);
                metrics.Record(step, refusal.Error.Code);
                return LoginResponses.Refused(http, refusal);
            }
            catch (Exception e) when (e is OrleansException or TimeoutException)
            {
                logger.ClusterUnavailable(e, step, TenantNamed(http));
                metrics.Record(step, LoginError.ClusterUnavailable.Code);
                return LoginResponses.Refused(http, new LoginRefusedException(LoginError.ClusterUnavailable, "The gateway could not reach the cluster; try again."));
            }
        }).ExcludeFromDescription();

    private static string TenantOf(HttpContext http) => (string)http.Request.RouteValues["tenantId"]!;

    // For the log line only: the route's tenant, else the callback's (a tenant id is not personal data).
    private static string? TenantNamed(HttpContext http) =>
        http.Request.RouteValues["tenantId"] as string ?? (http.Request.Query["tenant"] is { Count: 1 } named ? named[0] : null);
}
