namespace Provisioning.Grains.Login;

/// <summary>
/// The keys the gateway signs login tokens for the seller's application with (docs/login.md, "Keys"): one ring for the
/// cluster, which makes its own ECDSA P-256 keys and rotates them. Its answer holds a private key, so only the gateway asks it.
/// </summary>
[Alias("prov.ILoginKeyRingGrain")]
public interface ILoginKeyRingGrain : IGrainWithStringKey
{
    public const string Key = "login";

    /// <summary>
    /// The key that signs now and the public keys to publish, rotating first when it is due: a key signs for
    /// <paramref name="rotation"/>, and a retired key stays published for <paramref name="tokenLifetime"/> after it stopped signing.
    /// </summary>
    [Alias("GetKeys")] Task<LoginKeys> GetKeys(TimeSpan rotation, TimeSpan tokenLifetime);
}
