using Provisioning.Testing;

namespace Provisioning.Simulator.Tests;

[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<GatewayFactory>
{
    public const string Name = nameof(GatewayCollection);
}
