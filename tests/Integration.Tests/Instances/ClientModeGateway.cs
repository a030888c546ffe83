using Provisioning.Testing;

namespace Provisioning.Integration.Tests.Instances;

/// <summary>A gateway that runs no silo and finds the cluster's gateways in the PostgreSQL membership table.</summary>
internal sealed class ClientModeGateway(string connectionString) : GatewayFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["ConnectionStrings:Provisioning"] = connectionString,
        ["Orleans:Mode"] = "client",
    };
}
