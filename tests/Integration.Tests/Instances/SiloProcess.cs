using System.Diagnostics;
using Provisioning.Testing;

namespace Provisioning.Integration.Tests.Instances;

/// <summary>The built silo host (src/Silo) as a process of its own, on its own ports, joining the cluster of a database.</summary>
internal sealed class SiloProcess : HostProcess
{
    private SiloProcess(Process process, Uri address)
        : base(process, address)
    {
    }

    /// <summary>
    /// Starts a silo on the given (migrated) database, with any further <paramref name="settings"/> (configuration keys,
    /// e.g. <c>SellerApplication:EventsUrl</c>), and waits until its <c>/health/ready</c> answers 200.
    /// </summary>
    public static Task<SiloProcess> StartAsync(string connectionString, TimeSpan within, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var defaults = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Provisioning"] = connectionString,
            ["Database:MigrateOnStart"] = "false",
            ["Orleans:Endpoints:AdvertisedIPAddress"] = "127.0.0.1",
            ["Orleans:Endpoints:SiloPort"] = GatewayFactory.FreePort().ToString(),
            ["Orleans:Endpoints:GatewayPort"] = GatewayFactory.FreePort().ToString(),
        };
        return StartAsync("Provisioning.Silo.dll", GatewayFactory.FreePort(), defaults, settings, within, (process, address) => new SiloProcess(process, address));
    }
}
