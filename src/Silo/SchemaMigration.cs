using Provisioning.Infrastructure.Hosting;
using Provisioning.Infrastructure.Postgres;

namespace Provisioning.Silo;

/// <summary><c>Provisioning.Silo migrate</c>: applies the database schema and exits, for deployments that migrate as a separate step.</summary>
internal static class SchemaMigration
{
    public static async Task<int> RunAsync(IConfiguration configuration)
    {
        using var loggers = LoggerFactory.Create(l => l.AddSimpleConsole(o => o.SingleLine = true));
        var logger = loggers.CreateLogger("Provisioning.Migrate");
        var connectionString = configuration.GetConnectionString(ProvisioningSiloExtensions.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            logger.LogError("ConnectionStrings:Provisioning is not set: there is no database to migrate");
            return 2;
        }

        await ProvisioningDatabase.MigrateAsync(connectionString, logger);
        return 0;
    }
}
