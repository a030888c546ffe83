using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Provisioning.Infrastructure.Hosting;

namespace Provisioning.Infrastructure.Tests.Hosting;

public sealed class HostDefaultsTests
{
    private const string Default = "http://localhost:5081";

    private static WebApplication Host(params string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args });
        builder.AddHostDefaults(Default);
        return builder.Build();
    }

    [Fact]
    public async Task Without_an_address_the_host_listens_on_its_default()
    {
        await using var app = Host();

        Assert.Equal(Default, app.Configuration[WebHostDefaults.ServerUrlsKey]);
    }

    // --http_ports is the key ASPNETCORE_HTTP_PORTS sets (the container images' 8080): a default `urls` would outrank it.
    [Theory]
    [InlineData("--urls", "http://127.0.0.1:6001", "http://127.0.0.1:6001", null)]
    [InlineData("--http_ports", "8080", null, "8080")]
    [InlineData("--https_ports", "8443", null, null)]
    [InlineData("--Kestrel:Endpoints:Http:Url", "http://127.0.0.1:6002", null, null)]
    public async Task A_configured_address_wins_over_the_default(string key, string value, string? urls, string? httpPorts)
    {
        await using var app = Host(key, value);

        Assert.Equal(urls, app.Configuration[WebHostDefaults.ServerUrlsKey]);
        Assert.Equal(httpPorts, app.Configuration[WebHostDefaults.HttpPortsKey]);
    }

    [Fact]
    public async Task The_shutdown_timeout_is_30_seconds_unless_HostOptions_says_otherwise()
    {
        await using var byDefault = Host();
        await using var configured = Host("--HostOptions:ShutdownTimeout", "00:00:45");

        Assert.Equal(TimeSpan.FromSeconds(30), byDefault.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
        Assert.Equal(TimeSpan.FromSeconds(45), configured.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }

    [Theory]
    [InlineData("--HostOptions:ShutdownTimeout", "00:00:01", "HostOptions:ShutdownTimeout must be between 00:00:05 and 00:10:00")]
    [InlineData("--HostOptions:ShutdownTimeout", "01:00:00", "HostOptions:ShutdownTimeout must be between 00:00:05 and 00:10:00")]
    [InlineData("--HostOptions:ServicesStopConcurrently", "true", "HostOptions:ServicesStopConcurrently must stay false")]
    public void A_shutdown_setting_out_of_range_stops_the_host_naming_it(string key, string value, string message)
    {
        var refused = Assert.Throws<OptionsValidationException>(() => Host(key, value));

        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
    }
}
