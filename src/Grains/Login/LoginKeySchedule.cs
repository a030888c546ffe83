using System.Buffers.Text;
using System.Security.Cryptography;
using Provisioning.Grains.Keys;

namespace Provisioning.Grains.Login;

/// <summary>
/// When the ring's keys sign, are announced and are dropped. A key signs for one rotation; its successor is made and
/// published <see cref="PublishLead"/> before it takes over, so JWKS caches of the seller's application already hold it;
/// a retired key stays published for one token lifetime after it stopped signing, so every token it signed can be verified.
/// </summary>
internal static class LoginKeySchedule
{
    /// <summary>How long before it signs the next key is published: an hour, or a quarter of a short rotation.</summary>
    public static TimeSpan PublishLead(TimeSpan rotation) => TimeSpan.FromTicks(Math.Min(TimeSpan.FromHours(1).Ticks, rotation.Ticks / 4));

    /// <summary>Drops the keys past retention and makes the signing key and its successor when due; true when the ring changed.</summary>
    public static bool Rotate(LoginKeyRingState ring, DateTimeOffset now, TimeSpan rotation, TimeSpan tokenLifetime)
    {
        var changed = ring.Keys.RemoveAll(k => k.SignsUntil + tokenLifetime <= now) > 0;
        var signing = SigningAt(ring, now);
        if (signing is null)
        {
            signing = NewKey(now, now + rotation);
            ring.Keys.Add(signing);
            changed = true;
        }

        if (now >= signing.SignsUntil - PublishLead(rotation) && Successor(ring, signing) is null)
        {
            ring.Keys.Add(NewKey(signing.SignsUntil, signing.SignsUntil + rotation));
            changed = true;
        }

        return changed;
    }

    /// <summary>The answer of a ring <see cref="Rotate"/> has brought up to <paramref name="now"/>.</summary>
    public static LoginKeys Answer(LoginKeyRingState ring, DateTimeOffset now, TimeSpan rotation, TimeSpan tokenLifetime)
    {
        var signing = SigningAt(ring, now) ?? throw new InvalidOperationException("The login key ring has no signing key: rotate it first.");
        var changesAt = Successor(ring, signing) is null ? signing.SignsUntil - PublishLead(rotation) : signing.SignsUntil;
        foreach (var retired in ring.Keys.Where(k => k.SignsUntil <= now))
        {
            if (retired.SignsUntil + tokenLifetime < changesAt) changesAt = retired.SignsUntil + tokenLifetime;
        }

        return new LoginKeys(
            new LoginSigningKey(signing.KeyId, signing.PrivateKeyPem, signing.SignsUntil),
            [.. ring.Keys.OrderBy(k => k.SignsFrom).Select(k => new LoginPublicKey(k.KeyId, k.X, k.Y))],
            changesAt);
    }

    private static LoginRingKey? SigningAt(LoginKeyRingState ring, DateTimeOffset now) =>
        ring.Keys.LastOrDefault(k => k.SignsFrom <= now && now < k.SignsUntil);

    private static LoginRingKey? Successor(LoginKeyRingState ring, LoginRingKey key) =>
        ring.Keys.FirstOrDefault(k => k.SignsFrom == key.SignsUntil);

    /// <summary>A fresh random key: never derived from anything, so no secret but the ring's state can reproduce it.</summary>
    private static LoginRingKey NewKey(DateTimeOffset signsFrom, DateTimeOffset signsUntil)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var point = key.ExportParameters(includePrivateParameters: false).Q;
        return new LoginRingKey
        {
            KeyId = JwkThumbprint.OfP256(point),
            PrivateKeyPem = key.ExportPkcs8PrivateKeyPem(),
            X = Base64Url.EncodeToString(point.X),
            Y = Base64Url.EncodeToString(point.Y),
            SignsFrom = signsFrom,
            SignsUntil = signsUntil,
        };
    }
}
