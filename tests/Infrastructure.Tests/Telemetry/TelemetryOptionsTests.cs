using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Provisioning.Infrastructure.Telemetry;

namespace Provisioning.Infrastructure.Tests.Telemetry;

public sealed class TelemetryOptionsTests
{
    private static IHost Host(Dictionary<string, string?> settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Configuration = new ConfigurationManager() });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddProvisioningTelemetry(builder.Configuration, "test");
        return builder.Build();
    }

    [Fact]
    public void By_default_the_counts_are_read_every_30_seconds_and_Prometheus_is_served()
    {
        using var host = Host([]);

        host.Services.GetRequiredService<IStartupValidator>().Validate();
        var options = host.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        Assert.Equal((TimeSpan.FromSeconds(30), true), (options.CountsPeriod, options.Prometheus));
    }

    [Theory]
    [InlineData("00:00:00.500")]
    [InlineData("01:00:01")]
    public void A_counts_period_out_of_range_stops_the_start_naming_it(string period)
    {
        using var host = Host(new() { ["Telemetry:CountsPeriod"] = period });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Telemetry:CountsPeriod", error.Message);
    }
}
