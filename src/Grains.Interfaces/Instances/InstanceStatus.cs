namespace Provisioning.Grains.Instances;

/// <summary>The lifecycle state of an opened instance: active ⇄ frozen → released.</summary>
[GenerateSerializer, Alias("prov.InstanceStatus")]
public enum InstanceStatus
{
    Active = 0,
    Frozen = 1,
    Released = 2,
}
