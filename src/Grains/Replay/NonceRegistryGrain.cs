namespace Provisioning.Grains.Replay;

/// <summary>
/// The nonces of one minute of signed requests (one shard of it). Kept in memory only: the registry lives
/// exactly as long as a replay of its minute could still pass the timestamp window, then it is collected.
/// </summary>
[GrainType("nonce-registry")]
internal sealed class NonceRegistryGrain(TimeProvider clock) : Grain, INonceRegistryGrain
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    Task<bool> INonceRegistryGrain.TryRegister(string nonce, DateTimeOffset forgetAfter)
    {
        var keep = forgetAfter - clock.GetUtcNow();
        if (keep > TimeSpan.Zero) DelayDeactivation(keep);
        return Task.FromResult(_seen.Add(nonce));
    }
}
