using Provisioning.Grains.Instances;

namespace Provisioning.Grains.Events;

/// <summary>
/// One event for the seller's application: a change that was durably applied, delivered at least once under the same
/// <see cref="EventId"/>, in order within its <see cref="Stream"/>.
/// </summary>
/// <param name="EventId">Deterministic, so re-recording the same change never makes a second event.</param>
/// <param name="Stream">Whose events are ordered together (see <see cref="SellerEventStreams"/>).</param>
/// <param name="Type">The event's type, e.g. <c>instance.opened</c> or <c>tenant.users.changed</c>.</param>
/// <param name="Data">The event's data object, as JSON text.</param>
[GenerateSerializer, Immutable, Alias("prov.SellerEvent")]
public sealed record SellerEvent(
    [property: Id(0)] string EventId,
    [property: Id(1)] string Stream,
    [property: Id(2)] string Type,
    [property: Id(3)] DateTimeOffset OccurredAt,
    [property: Id(4)] Traffic Traffic,
    [property: Id(5)] string Data);
