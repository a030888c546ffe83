using Provisioning.Testing;

namespace Provisioning.Integration.Tests.Instances;

/// <summary>A gateway that runs no silo and finds the cluster's gateways in the PostgreSQL membership table.</summary>
internal sealed class ClientModeGateway(string connectionString, IReadOnlyDictionary<string, string?>? settings = null) : GatewayFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings
    {
        get
        {
            var all = new Dictionary<string, string?>(base.Settings)
            {
                ["ConnectionStrings:Provisioning"] = connectionString,
                ["Orleans:Mode"] = "client",
            };
            foreach (var (name, value) in settings ?? new Dictionary<string, string?>()) all[name] = value;
            return all;
        }
    }
}
