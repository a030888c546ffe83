using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Provisioning.Infrastructure.Hosting;

namespace Provisioning.Infrastructure.Tests.Hosting;

/// <summary>The repair period of the instance list is checked when a PostgreSQL silo starts (nothing connects to check it).</summary>
public sealed class InstanceViewOptionsTests
{
    private static IHost Silo(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Configuration = new ConfigurationManager() });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.UseOrleans(silo => silo.AddProvisioningGrains(builder.Configuration).UsePostgres("Host=127.0.0.1;Database=unused", migrateOnStart: false));
        return builder.Build();
    }

    [Fact]
    public void The_default_period_starts()
    {
        using var host = Silo([]);

        host.Services.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal(TimeSpan.FromMinutes(1), host.Services.GetRequiredService<IOptions<Provisioning.Infrastructure.Postgres.InstanceViewOptions>>().Value.RepairPeriod);
    }

    [Theory]
    [InlineData("00:00:01")]
    [InlineData("1.00:00:00")]
    public void A_period_in_range_starts(string period)
    {
        using var host = Silo(new() { ["InstanceViews:RepairPeriod"] = period });

        host.Services.GetRequiredService<IStartupValidator>().Validate();
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("2.00:00:00")]
    public void A_period_out_of_range_stops_the_start_naming_it(string period)
    {
        using var host = Silo(new() { ["InstanceViews:RepairPeriod"] = period });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("InstanceViews:RepairPeriod", error.Message);
    }
}
