namespace Provisioning.Simulator.Tests;

[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<SimulatedMarketplace>
{
    public const string Name = nameof(GatewayCollection);
}
