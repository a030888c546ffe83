using Provisioning.Grains.Storage;

namespace Provisioning.Grains.Login;

/// <summary>
/// The cluster's login key ring (<see cref="LoginKeySchedule"/> decides). It writes its state only when the ring changed,
/// so asking it costs no write for a whole rotation; in production that state lives in the PostgreSQL grain storage.
/// </summary>
[GrainType("login-key-ring")]
internal sealed class LoginKeyRingGrain(
    [PersistentState("login-key-ring", StorageNames.Grains)] IPersistentState<LoginKeyRingState> state,
    TimeProvider clock) : Grain, ILoginKeyRingGrain
{
    public async Task<LoginKeys> GetKeys(TimeSpan rotation, TimeSpan tokenLifetime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(rotation, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(tokenLifetime, TimeSpan.Zero);
        var now = clock.GetUtcNow();
        if (LoginKeySchedule.Rotate(state.State, now, rotation, tokenLifetime)) await state.WriteOrReloadAsync(DeactivateOnIdle);
        return LoginKeySchedule.Answer(state.State, now, rotation, tokenLifetime);
    }
}
