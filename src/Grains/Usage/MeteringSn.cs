using System.Security.Cryptography;
using System.Text;

namespace Provisioning.Grains.Usage;

/// <summary>
/// The marketplace's dedupe key of a usage record, derived from what the record is (instance, package, hour, sequence),
/// so a re-sent record is recognisable and no two different records share one.
/// </summary>
public static class MeteringSn
{
    public static string Of(string instanceId, string? package, DateTimeOffset hourStart, int sequence)
    {
        var name = $"{instanceId}\n{package}\n{hourStart.ToUnixTimeSeconds()}\n{sequence}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 16));
    }
}
