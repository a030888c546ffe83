using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Storage;
using Orleans.TestingHost;
using Provisioning.Grains.Instances;
using Provisioning.Grains.Storage;
using Provisioning.Infrastructure.Hosting;

namespace Provisioning.Grains.Tests.Storage;

/// <summary>A database failure reaches the caller across the wire with its cause, not as a serialization error (issue 10, item 5).</summary>
public sealed class DatabaseFailureTests : IAsyncLifetime
{
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(initialSilosCount: 1);
        builder.AddSiloBuilderConfigurator<TerminatedDatabase>();
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private sealed class TerminatedDatabase : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.AddProvisioningGrains(new ConfigurationBuilder().Build()).UseInMemoryReminderService();
            silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Grains, new TerminatedWrites());
        }
    }

    // What PostgreSQL answers on a connection an operator (or a failover) terminated.
    private sealed class TerminatedWrites : IGrainStorage
    {
        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.CompletedTask;

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
            throw new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", PostgresErrorCodes.AdminShutdown);

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => WriteStateAsync(stateName, grainId, grainState);
    }

    [Fact]
    public async Task A_failed_write_reaches_the_client_as_a_database_failure_naming_the_cause()
    {
        var orderId = Instances.Orders.NewOrderId();
        var instance = _cluster.GrainFactory.GetInstance(new InstanceAddress(InstanceIds.Derive(OrderKey.ForOrder(orderId), Traffic.Live), Traffic.Live));

        var failure = await Assert.ThrowsAsync<DatabaseFailureException>(() => instance.Open(Instances.Orders.Open(orderId)));

        Assert.Equal("database unavailable: 57P01: terminating connection due to administrator command", failure.Message);
    }
}
