namespace Provisioning.Grains;

/// <summary>Names of the grain storage providers; they are wired in configuration, so never rename them.</summary>
public static class StorageNames
{
    /// <summary>The one store every grain keeps its state in (PostgreSQL in production).</summary>
    public const string Grains = "grains";
}
