namespace Provisioning.Grains.Instances;

/// <summary>How the buyer pays for an instance; it decides which lifecycle calls the marketplace makes.</summary>
[GenerateSerializer, Alias("prov.ChargingMode")]
public enum ChargingMode
{
    Unspecified = 0,
    Periodic = 1,
    OneTime = 2,
    PayPerUse = 3,
    PayPerUsePackage = 4,
}

/// <summary>What a charging mode implies.</summary>
public static class ChargingModes
{
    /// <summary>Pay-per-use and on-demand packages: one instance per (order, product), billed by metered usage.</summary>
    public static bool IsPayPerUse(this ChargingMode mode) => mode is ChargingMode.PayPerUse or ChargingMode.PayPerUsePackage;
}
