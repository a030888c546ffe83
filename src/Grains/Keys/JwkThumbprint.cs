using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Provisioning.Grains.Keys;

/// <summary>
/// The <c>kid</c> of our ES256 keys: the RFC 7638 thumbprint of the public JWK, so a new key gets a new id and anyone can
/// compute it from the published key. Shared by the License issuer (Infrastructure) and the login key ring.
/// </summary>
internal static class JwkThumbprint
{
    /// <summary>The base64url SHA-256 of the P-256 public key's canonical JWK (members <c>crv</c>, <c>kty</c>, <c>x</c>, <c>y</c> in that order).</summary>
    public static string OfP256(ECPoint point) =>
        Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(
            $$"""{"crv":"P-256","kty":"EC","x":"{{Base64Url.EncodeToString(point.X)}}","y":"{{Base64Url.EncodeToString(point.Y)}}"}""")));
}
