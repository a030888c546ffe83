using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Provisioning.Grains.Login;

namespace Provisioning.Gateway.Login;

/// <summary>
/// The login key ring's answer, kept for <see cref="Freshness"/> and never past <see cref="LoginKeys.ChangesAt"/> (the moment
/// the signing key stops signing, the next key is announced or a retired key is dropped), so a token or a JWKS read costs no
/// grain call each time and the gateway never signs with a key whose period is over.
/// </summary>
public sealed class LoginKeyCache(IGrainFactory grains, IOptions<LoginOptions> options, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan Freshness = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile LoginKeySet? _current;

    /// <summary>The keys as the ring answered them at most <see cref="Freshness"/> ago.</summary>
    public async Task<LoginKeySet> GetAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } fresh) return fresh;
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } refreshed) return refreshed;
            var now = clock.GetUtcNow();
            var keys = await grains.GetLoginKeyRing().GetKeys(options.Value.KeyRotation, options.Value.TokenLifetime).WaitAsync(cancellationToken);
            var credentials = _current is { } previous && previous.Keys.Signing.KeyId == keys.Signing.KeyId
                ? previous.Credentials
                : Credentials(keys.Signing);
            var freshUntil = now + Freshness < keys.ChangesAt ? now + Freshness : keys.ChangesAt;
            return _current = new LoginKeySet(keys, credentials, freshUntil);
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Dispose() => _refresh.Dispose();

    private LoginKeySet? Fresh() => _current is { } current && clock.GetUtcNow() < current.FreshUntil ? current : null;

    private static SigningCredentials Credentials(LoginSigningKey signing)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(signing.PrivateKeyPem);
        return new SigningCredentials(new ECDsaSecurityKey(key) { KeyId = signing.KeyId }, SecurityAlgorithms.EcdsaSha256);
    }
}

/// <summary>One answer of the key ring, with the signing key loaded; it shows no private key in its text.</summary>
public sealed class LoginKeySet(LoginKeys keys, SigningCredentials credentials, DateTimeOffset freshUntil)
{
    public LoginKeys Keys { get; } = keys;

    /// <summary>The signing key, ready for <c>JsonWebTokenHandler</c> (ES256, <c>kid</c>).</summary>
    public SigningCredentials Credentials { get; } = credentials;

    public DateTimeOffset FreshUntil { get; } = freshUntil;
}
