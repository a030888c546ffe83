using System.Diagnostics;
using Provisioning.Testing;

namespace Provisioning.Integration.Tests.Instances;

/// <summary>The built gateway (src/Gateway) as a process of its own, in client mode: it finds the silos in the database's membership table.</summary>
internal sealed class GatewayProcess : HostProcess
{
    private GatewayProcess(Process process, Uri address)
        : base(process, address)
    {
    }

    /// <summary>Starts the gateway with the test keys and any further <paramref name="settings"/>, and waits until it is ready.</summary>
    public static Task<GatewayProcess> StartClientModeAsync(string connectionString, TimeSpan within, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var defaults = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Provisioning"] = connectionString,
            ["Orleans:Mode"] = "client",
            ["KooGallery:Key"] = GatewayFactory.Key,
            ["KooGallery:AccessKey"] = GatewayFactory.AccessKey,
            ["KooGallery:KitAccessKey"] = GatewayFactory.KitAccessKey,
        };
        return StartAsync("Provisioning.Gateway.dll", GatewayFactory.FreePort(), defaults, settings, within, (process, address) => new GatewayProcess(process, address));
    }
}
