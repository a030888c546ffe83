using Microsoft.AspNetCore.Builder;
using Provisioning.Marketplace.OpenApi;

namespace Provisioning.Marketplace.AuthCenter;

/// <summary>
/// A stand-in for the auth centers of joint-operation tenants (spec §D.2, §D.3) on a loopback port: OAuth 2.0 authorize, token,
/// userinfo and logout, and CAS 3.0 login, serviceValidate and logout, each tenant under <see cref="DomainName"/>, plus the
/// <c>/simulator</c> control API. Runs in-process (tests) or on its own (the <c>fake-auth-center</c> command).
/// </summary>
public sealed class FakeAuthCenter : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeAuthCenter(WebApplication app) => _app = app;

    /// <summary>The tenants, their users and who is signed in.</summary>
    public TenantDirectory Directory { get; } = new();

    /// <summary>The token and userinfo faults still queued.</summary>
    public AuthFaults Faults { get; } = new();

    /// <summary>What arrived so far.</summary>
    public AuthArrivals Arrivals { get; } = new();

    /// <summary>Where the fake listens, e.g. <c>http://127.0.0.1:5095</c>.</summary>
    public Uri BaseUrl => LoopbackHost.Address(_app);

    /// <summary>The tenant's auth center address: what tenantSync carries as <c>domainName</c>.</summary>
    public string DomainName(string tenantId) => $"{BaseUrl.GetLeftPart(UriPartial.Authority)}/{Uri.EscapeDataString(tenantId)}";

    /// <summary>Starts listening; <paramref name="log"/> hears one line per call (never a secret, code or token).</summary>
    public static async Task<FakeAuthCenter> StartAsync(FakeAuthCenterOptions options, Action<string>? log = null)
    {
        var center = new FakeAuthCenter(LoopbackHost.CreateBuilder(options.Port).Build());

        var say = log ?? (_ => { });
        var grants = new Grants();
        new BrowserEndpoints(center.Directory, grants, center.Arrivals, options, say).Map(center._app);
        new TokenEndpoint(center.Directory, grants, center.Arrivals, center.Faults, options, say).Map(center._app);
        new UserinfoEndpoint(center.Directory, grants, center.Arrivals, center.Faults, say).Map(center._app);
        new CasEndpoints(center.Directory, grants, center.Arrivals, options, say).Map(center._app);
        AuthControlEndpoints.Map(center._app, center.Directory, center.Faults, center.Arrivals);
        await center._app.StartAsync();
        return center;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
