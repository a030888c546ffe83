namespace Provisioning.Simulator.Running;

/// <summary>What the simulated marketplace shares with the seller: the keys, and where the production interface is.</summary>
public sealed record SimulationOptions(string Key, string AccessKey, string BasePath = SimulationOptions.DefaultBasePath)
{
    /// <summary>The gateway's default production interface path.</summary>
    public const string DefaultBasePath = "/koogallery";
}
