using Provisioning.Grains.Instances;

namespace Provisioning.Grains.Licenses;

/// <summary>
/// Where an activation code (授权码) lives: the code plus its traffic namespace, so a debug callback (<c>testFlag=1</c>) can never
/// reach a code a buyer activated, whatever code it names.
/// </summary>
public readonly record struct ActivationCodeAddress(string Code, Traffic Traffic)
{
    /// <summary>The key of the code's grain: <c>live/{code}</c> or <c>test/{code}</c>.</summary>
    public string GrainKey => TrafficKey.Of(Traffic, Code);

    /// <summary>Reads a grain key written by <see cref="GrainKey"/>.</summary>
    public static ActivationCodeAddress FromGrainKey(string key)
    {
        var (traffic, code) = TrafficKey.Read(key);
        return new(code, traffic);
    }
}
