using Provisioning.Testing;

namespace Provisioning.Gateway.Tests;

[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<GatewayFactory>
{
    public const string Name = nameof(GatewayCollection);
}
