using Provisioning.Grains.Orders;

namespace Provisioning.Grains.Instances;

/// <summary>
/// V2 provisioning of one instance: its order line is fetched off the grain's scheduler, a grain timer picks the result up,
/// and a durable reminder re-drives the work after a crash or a failed fetch. A pay-per-use line whose product another line
/// of the order already holds becomes that line's duplicate instead of opening. With the provisioning hook, the fetched line
/// is then sent to the seller's application (<see cref="TenantCreation"/>), and the instance opens once it has created the
/// tenant; until then the reminder asks it again.
/// </summary>
internal sealed class OrderLineProvisioning(
    Grain grain, IProvisionedInstance instance, IGrainFactory grains, OrderLines orders, TenantCreation? tenants, ProvisioningOptions options,
    TimeProvider clock, ILogger logger)
{
    public const string ReminderName = "provisioning";

    private Task<OrderLine>? _fetch;
    private IGrainTimer? _poll;

    // With the hook: the line fetched and claimed, waiting for the seller's application.
    private OpenInstance? _awaitingTenant;

    /// <summary>Why opening the last fetched order line was refused; cleared when the next fetch starts.</summary>
    public Decision? Refusal { get; private set; }

    // The step in flight: the fetch, else the request to the seller's application (done at once when neither is).
    private Task InFlight => _fetch ?? (_awaitingTenant is null ? null : tenants!.Answer) ?? Task.CompletedTask;

    /// <summary>Registers the reminder that re-drives provisioning until it is done, then starts.</summary>
    public async Task StartAsync()
    {
        await grain.RegisterOrUpdateReminder(ReminderName, options.RetryPeriod, options.RetryPeriod);
        Continue();
    }

    /// <summary>Fetches the order line (or, once fetched, asks the seller's application) unless that is in flight, and polls for its result.</summary>
    public void Continue()
    {
        if (_awaitingTenant is { } command)
        {
            _ = tenants!.Ask(TenantOrderOf(command));
        }
        else if (_fetch is null)
        {
            Refusal = null;
            _fetch = orders.FetchAsync(instance.Address.Traffic, instance.State.OrderId, instance.State.OrderLineId!);
        }

        _poll ??= grain.RegisterGrainTimer(TryCompleteAsync, new GrainTimerCreationOptions(options.PollPeriod, options.PollPeriod) { KeepAlive = true });
    }

    /// <summary>Waits at most <paramref name="budget"/> for the steps in flight, completing each one that finishes.</summary>
    public async Task SettleAsync(TimeSpan budget)
    {
        var until = clock.GetUtcNow() + budget;
        while (true)
        {
            var step = InFlight;
            var left = until - clock.GetUtcNow();
            if (left > TimeSpan.Zero) await Task.WhenAny(step, Task.Delay(left, clock));
            await TryCompleteAsync();
            if (ReferenceEquals(InFlight, step)) return;
        }
    }

    // Runs only in grain turns (calls and timer ticks), so it never races another change of the state.
    public async Task TryCompleteAsync()
    {
        if (_fetch is { IsCompleted: true } fetch)
        {
            _fetch = null;
            await TakeAsync(fetch);
        }

        if (_awaitingTenant is { } command && tenants!.Answer is { IsCompleted: true } answer)
        {
            if (!instance.State.IsProvisioning)
            {
                await StopAsync();
            }
            else if (answer.Result.Tenant is { } tenant)
            {
                await OpenAsync(command, tenant);
            }
            else
            {
                // The reminder asks the application again.
                instance.State.LastProvisioningError = $"the seller application has not created the tenant: {answer.Result.Failure}";
                StopPolling();
            }
        }
    }

    /// <summary>Stops polling and removes the reminder: provisioning is done, or no longer wanted.</summary>
    public async Task StopAsync()
    {
        StopPolling();
        _awaitingTenant = null;
        tenants?.Forget();
        if (await grain.GetReminder(ReminderName) is { } reminder) await grain.UnregisterReminder(reminder);
    }

    private async Task TakeAsync(Task<OrderLine> fetch)
    {
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

        var command = new OpenInstance(line.OrderId, line.Buyer, line.Plan, line.Trial, line.ExpiresAt, line.Amount, line.ExtendParams);
        if (tenants is null)
        {
            await OpenAsync(command, tenant: null);
            return;
        }

        _awaitingTenant = command;
        _ = tenants.Ask(TenantOrderOf(command));
    }

    private async Task OpenAsync(OpenInstance command, ProvisionedTenant? tenant)
    {
        if (instance.Open(command, tenant) is { Outcome: InstanceOutcome.Refused } refused)
        {
            // Only changed templates can open it: the reminder keeps trying, as after a failed fetch.
            Refusal = refused;
            instance.State.LastProvisioningError = refused.Message;
            _awaitingTenant = null;
            StopPolling();
            return;
        }

        instance.State.LastProvisioningError = null;
        await instance.Persist();
        await StopAsync();
    }

    private TenantOrder TenantOrderOf(OpenInstance command) => TenantOrder.Of(instance.Address, command, instance.State.OrderLineId);

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
