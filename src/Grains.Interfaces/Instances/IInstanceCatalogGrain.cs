namespace Provisioning.Grains.Instances;

/// <summary>
/// Lists instances from the query model only, never activating an instance grain. A stateless worker on the silos, so a gateway
/// without a database reads the list through it.
/// </summary>
[Alias("prov.IInstanceCatalogGrain")]
public interface IInstanceCatalogGrain : IGrainWithIntegerKey
{
    public const long Key = 0;

    [Alias("List")] Task<InstancePage> List(InstanceQuery query);

    /// <summary>The instance list counted by traffic, status and product.</summary>
    [Alias("Count")] Task<IReadOnlyList<InstanceCount>> Count();
}
