namespace Provisioning.KooGallery.V1;

/// <summary>V1 <c>chargingMode</c> codes.</summary>
public enum V1ChargingMode
{
    OnDemand = 0,
    Periodic = 1,
    OneTime = 3,
    OnDemandPackage = 5,
}

/// <summary>Reading <see cref="V1ChargingMode"/> from a request.</summary>
public static class V1ChargingModes
{
    public static V1ChargingMode? Read(ParameterReader p, string name) =>
        p.OptionalInt(name) switch
        {
            null => null,
            var code when Enum.IsDefined(typeof(V1ChargingMode), code.Value) => (V1ChargingMode)code.Value,
            var code => p.Fail<V1ChargingMode?>($"{name} {code} is not one of 0 (on demand), 1 (periodic), 3 (one-time), 5 (on-demand package)", null),
        };
}
