using Npgsql;
using Provisioning.Grains.Tenants;
using Provisioning.Infrastructure.Postgres;
using Provisioning.Integration.Tests.Postgres;
using Provisioning.Testing;

namespace Provisioning.Integration.Tests.Tenants;

public sealed class PostgresTenantDirectoryTests : TenantDirectoryContract, IAsyncLifetime
{
    private NpgsqlDataSource _database = null!;

    public async Task InitializeAsync() => _database = NpgsqlDataSource.Create(await PostgresServer.CreateMigratedDatabaseAsync("directory"));

    public async Task DisposeAsync() => await _database.DisposeAsync();

    protected override Task<ITenantDirectory> CreateAsync() => Task.FromResult<ITenantDirectory>(new PostgresTenantDirectory(_database));
}
