namespace Provisioning.Grains.Login;

/// <summary>
/// The durable state of the login key ring (stored as JSON; rename members only with a data migration). In production it is
/// a row of the PostgreSQL grain storage (<c>OrleansStorage</c>), so the signing keys are as safe as that database and its backups.
/// </summary>
[GenerateSerializer, Alias("prov.LoginKeyRingState")]
public sealed class LoginKeyRingState
{
    /// <summary>The keys still published, in the order they sign.</summary>
    [Id(0)] public List<LoginRingKey> Keys { get; set; } = [];
}

/// <summary>One key of the ring and the period it signs in. A class, not a record: its <see cref="object.ToString"/> shows nothing.</summary>
[GenerateSerializer, Alias("prov.LoginRingKey")]
public sealed class LoginRingKey
{
    [Id(0)] public string KeyId { get; set; } = "";

    /// <summary>The ECDSA P-256 private key, PEM PKCS#8.</summary>
    [Id(1)] public string PrivateKeyPem { get; set; } = "";

    /// <summary>The public key's JWK coordinates (base64url).</summary>
    [Id(2)] public string X { get; set; } = "";

    [Id(3)] public string Y { get; set; } = "";

    [Id(4)] public DateTimeOffset SignsFrom { get; set; }

    [Id(5)] public DateTimeOffset SignsUntil { get; set; }
}
