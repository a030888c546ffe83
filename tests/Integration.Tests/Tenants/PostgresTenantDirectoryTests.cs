using Npgsql;
using Provisioning.Grains.Events;
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

    protected override Task<ITenantDirectory> CreateAsync() => Task.FromResult<ITenantDirectory>(new PostgresTenantDirectory(_database, new SellerEventNudge()));

    protected override async Task<IReadOnlyList<string>> RecordedEventsAsync()
    {
        await using var command = _database.CreateCommand("SELECT event_id FROM seller_event_outbox ORDER BY seq");
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<string>();
        while (await reader.ReadAsync()) ids.Add(reader.GetString(0));
        return ids;
    }
}
