using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Storage;
using Orleans.TestingHost;
using Provisioning.Grains.Events;
using Provisioning.Grains.Instances;
using Provisioning.Grains.Orders;
using Provisioning.Infrastructure.Hosting;
using Provisioning.Testing;

namespace Provisioning.Grains.Tests.Events;

/// <summary>
/// A one-silo in-memory cluster whose seller events are on (test traffic's only when asked), with a projection that fails while a
/// test says so, so a test can see what the outbox and the query model hold.
/// </summary>
public sealed class EventsCluster : IAsyncDisposable
{
    public const string IncludeTestTrafficKey = "SellerApplication:IncludeTestTraffic";
    public const string FailingWritesKey = "EventsTests:FailingWrites";

    private EventsCluster(TestCluster cluster) => Cluster = cluster;

    public TestCluster Cluster { get; }

    public IGrainFactory Grains => Cluster.GrainFactory;

    private IServiceProvider Services => ((InProcessSiloHandle)Cluster.Primary!).SiloHost.Services;

    public InMemorySellerEventOutbox Outbox => Services.GetRequiredService<InMemorySellerEventOutbox>();

    public InMemoryInstanceViews Views => Services.GetRequiredService<InMemoryInstanceViews>();

    public FlakyProjection Projection => Services.GetRequiredService<FlakyProjection>();

    public static async Task<EventsCluster> StartAsync(bool eventsEnabled = true, bool includeTestTraffic = false, bool failingWrites = false)
    {
        var builder = new TestClusterBuilder(initialSilosCount: 1);
        if (eventsEnabled)
        {
            // Nothing listens there: the events stay in the outbox, where the tests read them.
            builder.Properties["SellerApplication:EventsUrl"] = "http://127.0.0.1:9/events";
            builder.Properties["SellerApplication:SigningSecret"] = "whsec_" + Convert.ToBase64String(new byte[32]);
        }
        builder.Properties[IncludeTestTrafficKey] = includeTestTraffic.ToString();
        builder.Properties[FailingWritesKey] = failingWrites.ToString();
        builder.AddSiloBuilderConfigurator<Silo>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new EventsCluster(cluster);
    }

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>The events of one instance in the outbox, in delivery order.</summary>
    public IReadOnlyList<SellerEvent> EventsOf(InstanceAddress address) =>
        [.. Outbox.Events.Where(e => e.Stream == SellerEventStreams.Of(address))];

    /// <summary>The instance's row in the query model, or null.</summary>
    public async Task<InstanceView?> RowOf(InstanceAddress address)
    {
        var page = await Views.ListAsync(new InstanceQuery(address.Traffic, null, null, null, null, null, 1_000_000), CancellationToken.None);
        return page.Instances.SingleOrDefault(v => v.InstanceId == address.InstanceId);
    }

    /// <summary>Deactivates every idle activation, as a silo restart would, so the next call loads the durable state.</summary>
    public async Task DeactivateAllAsync()
    {
        await Task.Delay(50);
        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.FromMilliseconds(10));
    }

    private sealed class Silo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.Services.AddSingleton<FlakyProjection>();
            silo.Services.AddSingleton<IInstanceProjection>(sp => sp.GetRequiredService<FlakyProjection>());
            silo.AddProvisioningGrains(silo.Configuration)
                .UseInMemoryReminderService()
                .Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
            if (bool.Parse(silo.Configuration[FailingWritesKey]!)) silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Grains, new FailingWrites());
            else silo.AddMemoryGrainStorage(StorageNames.Grains);
            silo.Services.AddSingleton<IOrderSource, ScriptedOrders>();
        }
    }

    private sealed class FailingWrites : IGrainStorage
    {
        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.CompletedTask;

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
            throw new InvalidOperationException("the storage is down");

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => WriteStateAsync(stateName, grainId, grainState);
    }
}

/// <summary>The in-memory projection, which fails while <see cref="Failing"/> is set, and counts what it was asked.</summary>
public sealed class FlakyProjection(InMemoryInstanceViews views) : IInstanceProjection
{
    private int _calls;

    public volatile bool Failing;

    public int Calls => _calls;

    public Task ProjectAsync(ProjectedInstance instance, IReadOnlyList<SellerEvent> events, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return Failing ? Task.FromException(new InvalidOperationException("the query model is down")) : views.ProjectAsync(instance, events, cancellationToken);
    }
}
