using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Provisioning.Infrastructure.Hosting;

namespace Provisioning.Infrastructure.Tests.Hosting;

public sealed class FailureDetectionTests
{
    private static ClusterMembershipOptions Membership(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Configuration = new ConfigurationManager() });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.UseOrleans(silo => silo.UseLocalhostClustering().AddFailureDetection(builder.Configuration));
        using var host = builder.Build();
        return host.Services.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value;
    }

    [Fact]
    public void A_silo_detects_a_dead_one_faster_than_Orleans_by_default()
    {
        var options = Membership([]);

        Assert.Equal(TimeSpan.FromSeconds(1), options.ProbeTimeout);
        Assert.Equal(3, options.NumMissedProbesLimit);
        Assert.Equal(TimeSpan.FromSeconds(10), options.TableRefreshTimeout);
    }

    [Fact]
    public void Each_setting_comes_from_Orleans_Membership()
    {
        var options = Membership(new() { ["Orleans:Membership:ProbeTimeout"] = "00:00:03", ["Orleans:Membership:NumMissedProbesLimit"] = "4" });

        Assert.Equal(TimeSpan.FromSeconds(3), options.ProbeTimeout);
        Assert.Equal(4, options.NumMissedProbesLimit);
    }

    [Theory]
    [InlineData("ProbeTimeout", "00:00:00")]
    [InlineData("NumMissedProbesLimit", "0")]
    [InlineData("NumVotesForDeathDeclaration", "11")]
    [InlineData("DeathVoteExpirationTimeout", "00:00:05")]
    public void A_setting_that_would_break_detection_is_refused_by_name(string setting, string value)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Membership(new() { [$"Orleans:Membership:{setting}"] = value }));

        Assert.Contains($"Orleans:Membership:{setting}", error.Message);
    }
}
