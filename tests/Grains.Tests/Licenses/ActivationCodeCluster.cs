using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Provisioning.Grains.Licenses;
using Provisioning.Testing;

namespace Provisioning.Grains.Tests.Licenses;

/// <summary>A one-silo test cluster whose clock the tests move (<see cref="Clock"/>) and whose marketplace they script.</summary>
public sealed class ActivationCodeCluster : TestClusterFixture<ActivationCodeCluster.SiloConfigurator>
{
    /// <summary>The silo's clock: silo configurators cannot capture instances, so the tests share this one.</summary>
    public static ShiftedClock Clock { get; } = new();

    public sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.AddGrainsInMemory();
            silo.Services.AddSingleton<TimeProvider>(Clock);
            silo.Services.AddSingleton<IActivationCodeMarketplace, ScriptedActivationCodes>();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ActivationCodeCollection : ICollectionFixture<ActivationCodeCluster>
{
    public const string Name = nameof(ActivationCodeCollection);
}
