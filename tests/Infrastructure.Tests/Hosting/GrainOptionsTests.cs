using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Provisioning.Infrastructure.Hosting;

namespace Provisioning.Infrastructure.Tests.Hosting;

/// <summary>The grains' periods and sizes are checked when the silo starts, and a bad one is named.</summary>
public sealed class GrainOptionsTests
{
    private static IHost Silo(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Configuration = new ConfigurationManager() });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.UseOrleans(silo => silo.UseLocalhostClustering().AddProvisioningGrains(builder.Configuration));
        return builder.Build();
    }

    // What the start-up of the host checks before anything runs (options registered with ValidateOnStart).
    private static void ValidateOnStart(IHost host) => host.Services.GetRequiredService<IStartupValidator>().Validate();

    [Fact]
    public void The_defaults_and_the_fast_test_timings_start()
    {
        using var defaults = Silo([]);
        using var fast = Silo(new()
        {
            ["Provisioning:RetryPeriod"] = "00:00:01",
            ["Provisioning:PollPeriod"] = "00:00:00.050",
            ["Usage:StagePeriod"] = "00:00:00.100",
            ["Usage:PushPeriod"] = "00:00:00.200",
            ["Usage:RetryDelay"] = "00:00:00.200",
            ["Usage:MaxRetryDelay"] = "00:00:01",
        });

        ValidateOnStart(defaults);
        ValidateOnStart(fast);
    }

    [Theory]
    [InlineData("Provisioning:RetryPeriod", "00:00:00")]
    [InlineData("Provisioning:PollPeriod", "00:00:00")]
    [InlineData("Usage:MaxEventAge", "22.00:00:00")]
    [InlineData("Usage:MaxClockSkew", "-00:00:01")]
    [InlineData("Usage:CloseDelay", "2.00:00:00")]
    [InlineData("Usage:StagePeriod", "00:00:00")]
    [InlineData("Usage:PushPeriod", "00:00:00")]
    [InlineData("Usage:RetryDelay", "00:00:00")]
    [InlineData("Usage:MaxRetryDelay", "2.00:00:00")]
    public void A_period_out_of_range_stops_the_start_naming_it(string setting, string value)
    {
        using var host = Silo(new() { [setting] = value });

        var error = Assert.Throws<OptionsValidationException>(() => ValidateOnStart(host));

        Assert.Contains(setting, error.Message);
    }

    [Fact]
    public void A_retry_delay_longer_than_its_ceiling_stops_the_start_naming_both()
    {
        using var host = Silo(new() { ["Usage:RetryDelay"] = "00:10:00", ["Usage:MaxRetryDelay"] = "00:05:00" });

        var error = Assert.Throws<OptionsValidationException>(() => ValidateOnStart(host));

        Assert.Contains("Usage:MaxRetryDelay", error.Message);
        Assert.Contains("Usage:RetryDelay", error.Message);
    }
}
