using Orleans.Concurrency;

namespace Provisioning.Grains.Instances;

/// <summary>The instance list, read from the query model on whichever silo takes the call; it never activates an instance grain.</summary>
[StatelessWorker, GrainType("instance-catalog")]
internal sealed class InstanceCatalogGrain(IInstanceViewReader views) : Grain, IInstanceCatalogGrain
{
    Task<InstancePage> IInstanceCatalogGrain.List(InstanceQuery query) => views.ListAsync(query, CancellationToken.None);

    Task<IReadOnlyList<InstanceCount>> IInstanceCatalogGrain.Count() => views.CountAsync(CancellationToken.None);
}
