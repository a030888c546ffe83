using Provisioning.Grains.Orders;

namespace Provisioning.Grains.Instances;

/// <summary>
/// V2 provisioning of one instance: its order line is fetched off the grain's scheduler, a grain timer picks the result up,
/// and a durable reminder re-drives the work after a crash or a failed fetch. A pay-per-use line whose product another line
/// of the order already holds becomes that line's duplicate instead of opening.
/// </summary>
internal sealed class OrderLineProvisioning(
    Grain grain, IProvisionedInstance instance, IGrainFactory grains, OrderLines orders, ProvisioningOptions options, ILogger logger)
{
    public const string ReminderName = "provisioning";

    private Task<OrderLine>? _fetch;
    private IGrainTimer? _poll;

    /// <summary>Why opening the last fetched order line was refused; cleared when the next fetch starts.</summary>
    public Decision? Refusal { get; private set; }

    /// <summary>Completes when the fetch in flight does (at once when none is).</summary>
    public Task Fetched => _fetch ?? Task.CompletedTask;

    /// <summary>Registers the reminder that re-drives provisioning until it is done, then starts.</summary>
    public async Task StartAsync()
    {
        await grain.RegisterOrUpdateReminder(ReminderName, options.RetryPeriod, options.RetryPeriod);
        Continue();
    }

    /// <summary>Fetches the order line unless a fetch is in flight, and polls for its result.</summary>
    public void Continue()
    {
        if (_fetch is null)
        {
            Refusal = null;
            _fetch = orders.FetchAsync(instance.Address.Traffic, instance.State.OrderId, instance.State.OrderLineId!);
        }

        _poll ??= grain.RegisterGrainTimer(TryCompleteAsync, new GrainTimerCreationOptions(options.PollPeriod, options.PollPeriod) { KeepAlive = true });
    }

    // Runs only in grain turns (calls and timer ticks), so it never races another change of the state.
    public async Task TryCompleteAsync()
    {
        if (_fetch is not { IsCompleted: true } fetch) return;
        _fetch = null;
        var state = instance.State;
        if (!state.IsProvisioning)
        {
            await StopAsync();
            return;
        }

        if (!fetch.IsCompletedSuccessfully)
        {
            state.LastProvisioningError = fetch.Exception?.GetBaseException().Message ?? "the order query was cancelled";
            logger.LogWarning(fetch.Exception, "Fetching order line {OrderLineId} for instance {InstanceId} failed; the provisioning reminder retries",
                state.OrderLineId, instance.Address.InstanceId);
            StopPolling();
            return;
        }

        var line = fetch.Result;
        if (await HolderOf(line) is { } holder && holder != instance.Address.InstanceId)
        {
            state.DuplicateOf = holder;
            await instance.Persist();
            await StopAsync();
            return;
        }

        if (instance.Open(new OpenInstance(line.OrderId, line.Buyer, line.Plan, line.Trial, line.ExpiresAt, line.Amount, line.ExtendParams)) is { Outcome: InstanceOutcome.Refused } refused)
        {
            // Only changed templates can open it: the reminder keeps trying, as after a failed fetch.
            Refusal = refused;
            state.LastProvisioningError = refused.Message;
            StopPolling();
            return;
        }

        state.LastProvisioningError = null;
        await instance.Persist();
        await StopAsync();
    }

    /// <summary>Stops polling and removes the reminder: provisioning is done, or no longer wanted.</summary>
    public async Task StopAsync()
    {
        StopPolling();
        if (await grain.GetReminder(ReminderName) is { } reminder) await grain.UnregisterReminder(reminder);
    }

    // Pay-per-use orders hold one instance per product, whichever line claims it first.
    private async Task<string?> HolderOf(OrderLine line) =>
        line.Plan.ChargingMode.IsPayPerUse()
            ? await grains.GetOrderProductClaim(new OrderProductAddress(line.OrderId, line.Plan.ProductId, instance.Address.Traffic)).Claim(instance.Address.InstanceId)
            : null;

    private void StopPolling()
    {
        _poll?.Dispose();
        _poll = null;
    }
}
