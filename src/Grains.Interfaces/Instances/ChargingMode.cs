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
