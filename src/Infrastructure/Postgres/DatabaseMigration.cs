namespace Provisioning.Infrastructure.Postgres;

/// <summary>Brings the PostgreSQL schema up to date before any provider of the silo touches it.</summary>
internal sealed class DatabaseMigration(string connectionString, ILogger<DatabaseMigration> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(DatabaseMigration), ServiceLifecycleStage.First, ct => ProvisioningDatabase.MigrateAsync(connectionString, logger, ct));
}
