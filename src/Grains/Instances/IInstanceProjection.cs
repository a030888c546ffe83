namespace Provisioning.Grains.Instances;

/// <summary>
/// Port: the instance's query-model row and the events of its changes, written together once its state is durable. Writing is
/// idempotent: a row replaces the stored one only when its <see cref="InstanceView.Version"/> is newer, and an event id already
/// recorded is skipped; so a grain may write the same again after a crash, and an older write arriving late changes nothing.
/// </summary>
public interface IInstanceProjection
{
    /// <summary>Writes the row and records the events (in list order), all or nothing.</summary>
    Task ProjectAsync(ProjectedInstance instance, IReadOnlyList<Events.SellerEvent> events, CancellationToken cancellationToken);
}

/// <summary>What the query model holds of one instance.</summary>
/// <param name="DuplicateOf">A pay-per-use line that shares this instance's product holds no instance of its own: never listed.</param>
/// <param name="StorageVersion">The grain storage's version (ETag) of the state the row was made from, when it is a number; the repair compares it.</param>
public sealed record ProjectedInstance(InstanceView View, string? DuplicateOf, int? StorageVersion)
{
    /// <summary>The instance's grain key (<c>live/…</c> or <c>test/…</c>), as grain storage keys its state.</summary>
    public string GrainKey => TrafficKey.Of(View.Traffic, View.InstanceId);
}
