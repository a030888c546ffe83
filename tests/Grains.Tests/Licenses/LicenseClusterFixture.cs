using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Provisioning.Grains.Licenses;

namespace Provisioning.Grains.Tests.Licenses;

/// <summary>A one-silo test cluster whose License issuer is scripted, so a test sees every License it was asked for.</summary>
public sealed class LicenseClusterFixture : TestClusterFixture<LicenseClusterFixture.SiloConfigurator>
{
    internal IReadOnlyList<LicenseTerms> IssuedFor(string instanceId) =>
        [.. Cluster.Silos.Cast<InProcessSiloHandle>()
            .SelectMany(s => ((ScriptedLicenseIssuer)s.SiloHost.Services.GetRequiredService<ILicenseIssuer>()).Issued)
            .Where(t => t.InstanceId == instanceId)];

    public sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.Services.AddSingleton<ILicenseIssuer, ScriptedLicenseIssuer>();
            silo.AddGrainsInMemory();
        }
    }
}
