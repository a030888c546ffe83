using System.Security.Cryptography;
using System.Text;

namespace Provisioning.KooGallery;

/// <summary>Compares a computed signature with a received one without leaking where they differ.</summary>
internal static class ConstantTime
{
    public static bool TextEquals(string expected, string received) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(received));
}
