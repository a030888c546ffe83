using Npgsql;
using Provisioning.Grains.Events;
using Provisioning.Infrastructure.Postgres;
using Provisioning.Integration.Tests.Postgres;
using Provisioning.Testing;

namespace Provisioning.Integration.Tests.Events;

public sealed class PostgresSellerEventOutboxTests : SellerEventOutboxContract, IAsyncLifetime
{
    private NpgsqlDataSource _database = null!;

    public async Task InitializeAsync() => _database = NpgsqlDataSource.Create(await PostgresServer.CreateMigratedDatabaseAsync("outbox"));

    public async Task DisposeAsync() => await _database.DisposeAsync();

    protected override Task<(ISellerEventOutbox Outbox, ISellerEventDelivery Delivery, ISellerEventOutboxOperations Operations)> CreateAsync()
    {
        var nudge = new SellerEventNudge();
        return Task.FromResult<(ISellerEventOutbox, ISellerEventDelivery, ISellerEventOutboxOperations)>(
            (new PostgresSellerEventOutbox(_database, nudge), new PostgresSellerEventDelivery(_database), new PostgresSellerEventOperations(_database, nudge)));
    }
}
