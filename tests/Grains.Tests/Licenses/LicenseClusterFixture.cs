using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Provisioning.Grains.Licenses;

namespace Provisioning.Grains.Tests.Licenses;

/// <summary>A one-silo test cluster whose License issuer is scripted, so a test sees every License it was asked for.</summary>
public sealed class LicenseClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    internal IReadOnlyList<LicenseTerms> IssuedFor(string instanceId) =>
        [.. Cluster.Silos.Cast<InProcessSiloHandle>()
            .SelectMany(s => ((ScriptedLicenseIssuer)s.SiloHost.Services.GetRequiredService<ILicenseIssuer>()).Issued)
            .Where(t => t.InstanceId == instanceId)];

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(initialSilosCount: 1);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.Services.AddSingleton<ILicenseIssuer, ScriptedLicenseIssuer>();
            silo.AddGrainsInMemory();
        }
    }
}
