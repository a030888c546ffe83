using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using Orleans.TestingHost;
using Provisioning.Grains.Events;
using Provisioning.Grains.Instances;
using Provisioning.Grains.Tenants;
using Provisioning.Infrastructure.Hosting;

namespace Provisioning.Grains.Tests.Tenants;

/// <summary>
/// A profile or application change whose event could not reach the outbox (the outbox failed, or the silo died, after
/// the state write) keeps its event in the grain state: it reaches the outbox later, once, under the same id.
/// </summary>
public sealed class TenantEventRecoveryTests : IAsyncLifetime
{
    /// <summary>An outbox that refuses every event while <see cref="Failing"/> is set, as a database that went away would.</summary>
    private sealed class FlakyOutbox(InMemorySellerEventOutbox inner) : ISellerEventOutbox
    {
        public static volatile bool Failing;

        public Task EnqueueAsync(IReadOnlyList<SellerEvent> events, CancellationToken cancellationToken) =>
            Failing ? throw new InvalidOperationException("the outbox is unavailable") : inner.EnqueueAsync(events, cancellationToken);
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.Services.AddSingleton(new SellerEventPolicy(Enabled: true, IncludeTestTraffic: false));
            silo.Services.AddSingleton<ISellerEventOutbox, FlakyOutbox>();
            silo.AddProvisioningGrains(new ConfigurationBuilder().Build()).AddMemoryGrainStorage(StorageNames.Grains).UseInMemoryReminderService();
        }
    }

    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(initialSilosCount: 1);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        FlakyOutbox.Failing = false;
        await _cluster.DisposeAsync();
    }

    private IReadOnlyList<SellerEvent> Recorded =>
        ((InProcessSiloHandle)_cluster.Primary!).SiloHost.Services.GetRequiredService<InMemorySellerEventOutbox>().Events;

    private static TenantProfileSync Profile() => new("i-1", "CS1", "acme", "Acme", "https://acme.example.com", SyncAction.Add);

    [Fact]
    public async Task A_retried_sync_hands_over_the_event_the_first_attempt_could_not_and_makes_no_second()
    {
        var tenant = _cluster.GrainFactory.GetTenant(new TenantAddress(Guid.NewGuid().ToString("N"), Traffic.Live));

        FlakyOutbox.Failing = true;
        await Assert.ThrowsAnyAsync<Exception>(() => tenant.SyncProfile(Profile()));
        Assert.Empty(Recorded);
        Assert.NotNull(await tenant.Get());

        FlakyOutbox.Failing = false;
        await tenant.SyncProfile(Profile());
        await tenant.SyncProfile(Profile());

        Assert.Equal(TenantEvents.Synced, Assert.Single(Recorded).Type);
    }

    [Fact]
    public async Task The_next_activation_hands_over_what_the_last_one_could_not()
    {
        var tenant = _cluster.GrainFactory.GetTenant(new TenantAddress(Guid.NewGuid().ToString("N"), Traffic.Live));

        FlakyOutbox.Failing = true;
        await Assert.ThrowsAnyAsync<Exception>(() => tenant.SyncApplication(new ApplicationSync("i-1", "app-1", "client-1", "cipher-1", SyncAction.Add)));
        FlakyOutbox.Failing = false;
        await tenant.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await Task.Delay(200);

        Assert.Single((await tenant.Get())!.Applications);
        var recorded = Assert.Single(Recorded);
        Assert.Contains("\"change\":\"application\"", recorded.Data);
    }
}
