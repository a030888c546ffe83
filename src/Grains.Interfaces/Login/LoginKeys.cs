namespace Provisioning.Grains.Login;

/// <summary>The login key ring's answer.</summary>
/// <param name="Signing">The key that signs now.</param>
/// <param name="Published">The public keys of the JWKS: the signing key, the next key once it is announced, and retired keys whose tokens may still be alive.</param>
/// <param name="ChangesAt">The answer holds until then at most: the signing key stops signing, the next key is due to be announced, or a retired key is dropped.</param>
[GenerateSerializer, Immutable, Alias("prov.LoginKeys")]
public sealed record LoginKeys(
    [property: Id(0)] LoginSigningKey Signing,
    [property: Id(1)] IReadOnlyList<LoginPublicKey> Published,
    [property: Id(2)] DateTimeOffset ChangesAt);

/// <summary>The key that signs login tokens now. Its <see cref="ToString"/> never shows the private key.</summary>
/// <param name="KeyId">The token header's <c>kid</c>: the RFC 7638 thumbprint of the public key.</param>
/// <param name="PrivateKeyPem">The ECDSA P-256 private key, PEM PKCS#8 (<c>-----BEGIN PRIVATE KEY-----</c>).</param>
/// <param name="SignsUntil">When the next key takes over.</param>
[GenerateSerializer, Immutable, Alias("prov.LoginSigningKey")]
public sealed record LoginSigningKey(
    [property: Id(0)] string KeyId,
    [property: Id(1)] string PrivateKeyPem,
    [property: Id(2)] DateTimeOffset SignsUntil)
{
    public override string ToString() => $"{nameof(LoginSigningKey)} {{ {nameof(KeyId)} = {KeyId}, {nameof(SignsUntil)} = {SignsUntil:O} }}";
}

/// <summary>A published ECDSA P-256 public key: its <c>kid</c> and the JWK coordinates <c>x</c> and <c>y</c> (base64url).</summary>
[GenerateSerializer, Immutable, Alias("prov.LoginPublicKey")]
public sealed record LoginPublicKey(
    [property: Id(0)] string KeyId,
    [property: Id(1)] string X,
    [property: Id(2)] string Y);
