using Provisioning.Grains.Events;

namespace Provisioning.Grains.Instances;

/// <summary>
/// Keeps the query model and the seller's events in step with an instance's durable state. Before a state write, the change is
/// numbered (<see cref="SaasInstanceState.Version"/>) and its events are added to <see cref="SaasInstanceState.Unpublished"/>, so
/// they become durable in that same write and never exist for a change that did not. Only after the write is the row written with
/// the unpublished events, in one step; a failure there leaves them in the state for the next projection (on the next change, on
/// activation, or from the periodic repair), and never fails the change itself, which is durable.
/// </summary>
internal sealed class InstancePublication(
    InstanceAddress address, IPersistentState<SaasInstanceState> state, IInstanceProjection projection, SellerEventPolicy policy, ILogger logger)
{
    // Transitions already turned into events: the history as the activation found it, plus every change staged since.
    private int _staged;

    private SaasInstanceState State => state.State;

    /// <summary>Called when the grain activates, with its durable state loaded.</summary>
    public void Activated() => _staged = State.History.Count;

    /// <summary>Numbers the pending change and stores its events in the state; call just before the state write.</summary>
    public void Stage()
    {
        State.Version++;
        var fresh = State.History.Skip(_staged).ToList();
        _staged = State.History.Count;
        if (policy.Records(address.Traffic)) State.Unpublished.AddRange(InstanceEvents.Of(address, State, fresh));
    }

    /// <summary>Writes the row and the unpublished events, then forgets those events; a failure is logged and left to the repair.</summary>
    public async Task ProjectAsync()
    {
        if (!state.RecordExists) return;

        var events = State.Unpublished.ToArray();
        try
        {
            await projection.ProjectAsync(new ProjectedInstance(View(), State.DuplicateOf, StorageVersion()), events, CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Writing the query-model row of instance {InstanceId} (version {Version}) and its {Events} event(s) failed; "
                + "the change is durable, and the next change, activation or repair writes them again", address.InstanceId, State.Version, events.Length);
            return;
        }

        // Only in memory: the next state write makes it durable, and until then a re-projection writes the same again, harmlessly.
        State.Unpublished.RemoveRange(0, events.Length);
    }

    private InstanceView View()
    {
        var s = State;
        var history = s.History;
        var lastOrderId = history.LastOrDefault(t => t.OrderId is not null)?.OrderId;
        var created = history.Count > 0 ? history[0].At : s.OpenedAt;
        var updated = history.Count > 0 ? history[^1].At : s.OpenedAt;
        return new InstanceView(
            address.InstanceId, address.Traffic, s.Status, s.Plan?.ProductId, s.Plan?.SkuCode, s.Plan?.ChargingMode, s.Trial, s.Buyer?.CustomerId,
            s.OrderId, lastOrderId, s.ExpiresAt, created, updated, s.Version);
    }

    // ADO.NET grain storage's ETag is its row's integer version; other storage has no number the repair could compare.
    private int? StorageVersion() => int.TryParse(state.Etag, out var version) ? version : null;
}
