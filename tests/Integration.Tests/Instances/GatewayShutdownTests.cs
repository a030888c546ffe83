using System.Diagnostics;
using System.Net.Sockets;
using Provisioning.Integration.Tests.Postgres;
using Provisioning.KooGallery;
using Provisioning.Testing;
using Xunit.Abstractions;

namespace Provisioning.Integration.Tests.Instances;

/// <summary>A gateway stopped with SIGTERM (a rolling update, a scale-down) cuts off no callback it has taken (issue 13, item 4).</summary>
[Collection(HostProcessCollection.Name)]
public sealed class GatewayShutdownTests(ITestOutputHelper output)
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_SIGTERMed_gateway_refuses_new_connections_and_answers_the_callback_in_flight()
    {
        var database = await PostgresServer.CreateMigratedDatabaseAsync("gatewaystop");
        await using var hook = await HeldProvisioningHook.StartAsync();
        using var silo = await SiloProcess.StartAsync(database, within: TimeSpan.FromSeconds(60), new Dictionary<string, string?>
        {
            ["SellerApplication:ProvisioningUrl"] = hook.Url.ToString(),
            ["SellerApplication:SigningSecret"] = HeldProvisioningHook.Secret,
        });
        using var gateway = await GatewayProcess.StartClientModeAsync(database, within: TimeSpan.FromSeconds(60), new Dictionary<string, string?>
        {
            ["HostOptions:ShutdownTimeout"] = ShutdownTimeout.ToString(),
        });
        using var http = new HttpClient { BaseAddress = gateway.Address };
        var marketplace = new V1Client(http);

        // The newInstance waits inside the silo for the seller's application, which holds it.
        var call = marketplace.Call("newInstance", V1Orders.NewInstance(V1Orders.NewOrderId()));
        await hook.Arrived.WaitAsync(TimeSpan.FromSeconds(10));
        var stopping = Stopwatch.StartNew();
        gateway.Terminate();
        await Eventually.True(async () => !await AcceptsConnectionAsync(gateway.Address), "the stopping gateway refuses new connections");
        Assert.False(call.IsCompleted, "the callback was answered before the application released it, so the test proves nothing");
        hook.Release();

        var answer = await call.WaitAsync(TimeSpan.FromSeconds(10));
        var exitCode = await gateway.ExitAsync(ShutdownTimeout + TimeSpan.FromSeconds(5));
        output.WriteLine($"The callback in flight was answered {answer.ResultCode} after the SIGTERM; the gateway exited {exitCode} {stopping.Elapsed.TotalSeconds:0.00} s after it.");
        Assert.Equal(ResultCodes.Success, answer.ResultCode);
        Assert.False(string.IsNullOrEmpty(answer["instanceId"]));
        Assert.Equal(0, exitCode);
        Assert.True(stopping.Elapsed < ShutdownTimeout, $"the gateway took {stopping.Elapsed.TotalSeconds:0.00} s to stop");
    }

    private static async Task<bool> AcceptsConnectionAsync(Uri address)
    {
        using var tcp = new TcpClient();
        try
        {
            await tcp.ConnectAsync(address.Host, address.Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
