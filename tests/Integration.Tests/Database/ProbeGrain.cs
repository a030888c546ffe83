using Orleans.Runtime;

namespace Provisioning.Integration.Tests.Database;

[GrainType("probe")]
public sealed class ProbeGrain(
    [PersistentState(stateName: "probe", storageName: ProbeGrain.StorageName)] IPersistentState<ProbeState> state)
    : Grain, IProbeGrain, IRemindable
{
    public const string StorageName = "probes";

    private int _ticks;

    async Task IProbeGrain.Remember(string note)
    {
        state.State.Note = note;
        await state.WriteStateAsync();
    }

    Task<string?> IProbeGrain.Recall() => Task.FromResult(state.State.Note);

    Task IProbeGrain.Forget() => state.ClearStateAsync();

    Task IProbeGrain.StartTicking(TimeSpan period) => this.RegisterOrUpdateReminder("tick", period, period);

    Task<int> IProbeGrain.Ticks() => Task.FromResult(_ticks);

    Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        _ticks++;
        return Task.CompletedTask;
    }
}
