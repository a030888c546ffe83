namespace Provisioning.Grains.Instances;

/// <summary>Addressing instance grains by marketplace id and traffic namespace.</summary>
public static class GrainFactoryExtensions
{
    public static ISaasInstanceGrain GetInstance(this IGrainFactory grains, InstanceAddress address) =>
        grains.GetGrain<ISaasInstanceGrain>(address.GrainKey);
}
