using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Provisioning.Grains.Licenses;

namespace Provisioning.Grains.Tests.Licenses;

/// <summary>A one-silo test cluster whose Licenses are issued by <see cref="ScriptedIssuer"/> and uploaded to <see cref="ScriptedUploads"/>, retried every second.</summary>
public sealed class OnlineLicenseClusterFixture : TestClusterFixture<OnlineLicenseClusterFixture.SiloConfigurator>
{
    public sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.AddGrainsInMemory(new Dictionary<string, string?> { ["OnlineLicenses:RetryPeriod"] = "00:00:01" });
            silo.Services.AddSingleton<ILicenseIssuer, ScriptedIssuer>();
            silo.Services.AddSingleton<ILicenseUploader, ScriptedUploads>();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class OnlineLicenseClusterCollection : ICollectionFixture<OnlineLicenseClusterFixture>
{
    public const string Name = nameof(OnlineLicenseClusterCollection);
}
