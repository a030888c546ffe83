namespace Provisioning.Grains.Instances;

/// <summary>The lifecycle state of an instance: (provisioning →) active ⇄ frozen → released.</summary>
[GenerateSerializer, Alias("prov.InstanceStatus")]
public enum InstanceStatus
{
    Active = 0,
    Frozen = 1,
    Released = 2,

    /// <summary>Accepted, and being set up in the background (V2: the order is fetched, then the instance opened).</summary>
    Provisioning = 3,
}
