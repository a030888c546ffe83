using Provisioning.Testing;

namespace Provisioning.Integration.Tests.Instances;

/// <summary>The real gateway co-hosting a silo whose grain state, membership and reminders are in the given PostgreSQL database.</summary>
internal sealed class PostgresGateway(string connectionString) : GatewayFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(base.Settings) { ["ConnectionStrings:Provisioning"] = connectionString };
}
