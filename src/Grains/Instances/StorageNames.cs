namespace Provisioning.Grains.Instances;

/// <summary>Names of the grain storage providers; they appear in stored rows, so never rename them.</summary>
public static class StorageNames
{
    public const string Instances = "instances";
}
