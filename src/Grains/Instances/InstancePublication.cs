using Provisioning.Grains.Events;

namespace Provisioning.Grains.Instances;

/// <summary>
/// Keeps the query model and the seller's events in step with an instance's durable state. Before a state write, the change is
/// numbered (<see cref="SaasInstanceState.Version"/>) and its events are added to <see cref="SaasInstanceState.Unpublished"/>, so
/// they become durable in that same write and never exist for a change that did not. Only after the write is the row handed to
/// the projection with the unpublished events; the answer to the command does not wait for it (the change is durable already).
/// Once that projection has succeeded, the next change forgets its events before it is staged; a failed projection leaves them in
/// the state for the next one (on the next change, on activation, or from the periodic repair) and never fails a change.
/// Projections of one instance are handed over in change order, so its events keep their order.
/// </summary>
internal sealed class InstancePublication(
    InstanceAddress address, IPersistentState<SaasInstanceState> state, IInstanceProjection projection, SellerEventPolicy policy, ILogger logger)
{
    // Transitions already turned into events: the history as the activation found it, plus every change staged since.
    private int _staged;

    // The projection handed over last and not yet settled, with how many unpublished events it carries.
    private (Task<bool> Written, int Events)? _inFlight;

    private SaasInstanceState State => state.State;

    /// <summary>Called when the grain activates, with its durable state loaded.</summary>
    public void Activated() => _staged = State.History.Count;

    /// <summary>Numbers the pending change and stores its events in the state; call just before the state write.</summary>
    public async Task StageAsync()
    {
        await SettleAsync();
        State.Version++;
        var fresh = State.History.Skip(_staged).ToList();
        _staged = State.History.Count;
        if (policy.Records(address.Traffic)) State.Unpublished.AddRange(InstanceEvents.Of(address, State, fresh));
    }

    /// <summary>Hands the row and the unpublished events to the projection without waiting for it; call after the state write.</summary>
    public void Publish()
    {
        if (!state.RecordExists) return;
        var events = State.Unpublished.ToArray();
        _inFlight = (WriteAsync(new ProjectedInstance(View(), State.DuplicateOf, StorageVersion()), events), events.Length);
    }

    /// <summary>Writes the row and the unpublished events again and waits for it (activation, repair); idempotent.</summary>
    public async Task ProjectAsync()
    {
        await SettleAsync();
        Publish();
        await SettleAsync();
    }

    // Runs in the grain's turns only: the unpublished list changes nowhere else.
    private async Task SettleAsync()
    {
        if (_inFlight is not { } inFlight) return;
        _inFlight = null;

        // Only in memory: the next state write makes it durable, and until then a re-projection writes the same again, harmlessly.
        if (await inFlight.Written) State.Unpublished.RemoveRange(0, inFlight.Events);
    }

    // Touches no grain state once started, so it may finish while the grain serves its next call.
    private async Task<bool> WriteAsync(ProjectedInstance instance, SellerEvent[] events)
    {
        try
        {
            await projection.ProjectAsync(instance, events, CancellationToken.None).ConfigureAwait(false);
            return true;
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Writing the query-model row of instance {InstanceId} (version {Version}) and its {Events} event(s) failed; "
                + "the change is durable, and the next change, activation or repair writes them again", address.InstanceId, instance.View.Version, events.Length);
            return false;
        }
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
