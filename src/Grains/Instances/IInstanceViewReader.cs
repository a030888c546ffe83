namespace Provisioning.Grains.Instances;

/// <summary>Port: reads the instance query model that <see cref="IInstanceProjection"/> writes.</summary>
public interface IInstanceViewReader
{
    /// <summary>
    /// The page of <paramref name="query"/>: at most its limit of instances, ordered by instance id (ordinal), never a line that
    /// merely shares another line's instance.
    /// </summary>
    Task<InstancePage> ListAsync(InstanceQuery query, CancellationToken cancellationToken);

    /// <summary>The instances counted by traffic, status and product, duplicates left out.</summary>
    Task<IReadOnlyList<InstanceCount>> CountAsync(CancellationToken cancellationToken);
}
