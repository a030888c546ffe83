using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;
using Provisioning.Gateway.Login;
using Provisioning.Grains;
using Provisioning.Grains.Login;
using Provisioning.Testing;

namespace Provisioning.Gateway.Tests.Login.Tokens;

/// <summary>
/// A minimal gateway: the login tokens and discovery endpoints on a test server, co-hosting a silo with in-memory storage
/// (so the key ring grain is real), on a clock the test moves.
/// </summary>
internal sealed class LoginTokenHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private readonly StrongBox<int> _ringCalls;

    private LoginTokenHost(WebApplication app, ShiftedClock clock, StrongBox<int> ringCalls)
    {
        (_app, Clock, _ringCalls) = (app, clock, ringCalls);
        Client = app.GetTestClient();
    }

    public ShiftedClock Clock { get; }

    /// <summary>How often the key ring grain was asked.</summary>
    public int RingCalls => Volatile.Read(ref _ringCalls.Value);

    public HttpClient Client { get; }

    public LoginTokens Tokens => _app.Services.GetRequiredService<LoginTokens>();

    public static async Task<LoginTokenHost> StartAsync(Action<LoginOptions>? configure = null)
    {
        var clock = new ShiftedClock();
        var ringCalls = new StrongBox<int>();
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(GatewayFactory.FreePort(), GatewayFactory.FreePort())
            .AddMemoryGrainStorage(StorageNames.Grains)
            .AddIncomingGrainCallFilter(call =>
            {
                if (call.InterfaceMethod.DeclaringType == typeof(ILoginKeyRingGrain)) Interlocked.Increment(ref ringCalls.Value);
                return call.Invoke();
            }));
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddOptions<LoginOptions>().Configure(o => configure?.Invoke(o));
        builder.Services.AddSingleton<LoginAddresses>();
        builder.Services.AddLoginTokens();
        var app = builder.Build();
        app.MapLoginDiscovery();
        await app.StartAsync();
        return new LoginTokenHost(app, clock, ringCalls);
    }

    /// <summary>The keys a seller's application reads: the JWK Set at <see cref="LoginDiscoveryEndpoints.JwksPath"/>, and nothing else.</summary>
    public async Task<JsonWebKeySet> PublishedKeysAsync() =>
        new(await Client.GetStringAsync(LoginDiscoveryEndpoints.JwksPath));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
