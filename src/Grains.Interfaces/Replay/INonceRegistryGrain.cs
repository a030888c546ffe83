namespace Provisioning.Grains.Replay;

/// <summary>
/// Remembers the nonces of signed requests whose timestamps fall in one minute, so a replay is caught by
/// every gateway of the cluster. Keys come from <see cref="NonceRegistry.KeyFor"/>; a registry forgets its
/// minute once no request of that minute can pass the freshness window any more.
/// </summary>
[Alias("prov.INonceRegistryGrain")]
public interface INonceRegistryGrain : IGrainWithStringKey
{
    /// <summary>True the first time a nonce is seen; false for a replay.</summary>
    [Alias("TryRegister")] Task<bool> TryRegister(string nonce, DateTimeOffset forgetAfter);
}
