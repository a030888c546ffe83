using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Provisioning.Infrastructure.Hosting;

namespace Provisioning.Infrastructure.Tests.SellerApplication;

/// <summary>The seller application's settings are checked when the silo starts; a bad one is named and a secret never shown.</summary>
public sealed class SellerApplicationOptionsTests
{
    // A valid Standard Webhooks secret: whsec_ and the base64 of 24 bytes.
    public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private static IHost Silo(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Configuration = new ConfigurationManager() });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.UseOrleans(silo => silo.UseLocalhostClustering().AddProvisioningGrains(builder.Configuration));
        return builder.Build();
    }

    private static void ValidateOnStart(IHost host) => host.Services.GetRequiredService<IStartupValidator>().Validate();

    private static OptionsValidationException Refused(Dictionary<string, string?> settings)
    {
        using var host = Silo(settings);
        return Assert.Throws<OptionsValidationException>(() => ValidateOnStart(host));
    }

    [Fact]
    public void No_url_and_a_configured_application_with_fast_test_timings_start()
    {
        using var none = Silo([]);
        using var fast = Silo(new()
        {
            ["SellerApplication:EventsUrl"] = "https://app.example.com/events",
            ["SellerApplication:SigningSecret"] = Secret,
            ["SellerApplication:RequestTimeout"] = "00:00:01",
            ["SellerApplication:LeaseDuration"] = "00:00:02",
            ["SellerApplication:PollPeriod"] = "00:00:00.050",
            ["SellerApplication:RetryDelay"] = "00:00:00.050",
            ["SellerApplication:MaxRetryDelay"] = "00:00:00.200",
            ["SellerApplication:DeadLetterAfter"] = "00:00:02",
        });

        ValidateOnStart(none);
        ValidateOnStart(fast);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("whsec_not base64!")]
    public void A_url_without_a_usable_secret_stops_the_start(string? secret)
    {
        var error = Refused(new() { ["SellerApplication:EventsUrl"] = "https://app.example.com/events", ["SellerApplication:SigningSecret"] = secret });

        Assert.Contains("SellerApplication:SigningSecret", error.Message);
        if (!string.IsNullOrEmpty(secret)) Assert.DoesNotContain(secret, error.Message);
    }

    [Theory]
    [InlineData("SellerApplication:EventsUrl", "/events")]
    [InlineData("SellerApplication:EventsUrl", "ftp://app.example.com/events")]
    [InlineData("SellerApplication:ProvisioningUrl", "file:///etc/passwd")]
    public void A_url_that_is_not_absolute_http_stops_the_start_naming_it(string setting, string url)
    {
        var error = Refused(new() { [setting] = url, ["SellerApplication:SigningSecret"] = Secret });

        Assert.Contains(setting, error.Message);
    }

    [Theory]
    [InlineData("SellerApplication:RequestTimeout", "00:00:00")]
    [InlineData("SellerApplication:RequestTimeout", "00:06:00")]
    [InlineData("SellerApplication:PollPeriod", "00:00:00")]
    [InlineData("SellerApplication:RetryDelay", "00:00:00")]
    [InlineData("SellerApplication:MaxRetryDelay", "2.00:00:00")]
    [InlineData("SellerApplication:DeadLetterAfter", "00:00:00")]
    [InlineData("SellerApplication:DeadLetterAfter", "31.00:00:00")]
    [InlineData("SellerApplication:MaxConcurrentDeliveries", "0")]
    [InlineData("SellerApplication:RetainDelivered", "00:00:00")]
    public void A_setting_out_of_range_stops_the_start_naming_it(string setting, string value)
    {
        Assert.Contains(setting, Refused(new() { [setting] = value }).Message);
    }

    [Fact]
    public void A_lease_no_longer_than_the_request_timeout_stops_the_start_naming_both()
    {
        var error = Refused(new() { ["SellerApplication:RequestTimeout"] = "00:00:30", ["SellerApplication:LeaseDuration"] = "00:00:30" });

        Assert.Contains("SellerApplication:LeaseDuration", error.Message);
        Assert.Contains("SellerApplication:RequestTimeout", error.Message);
    }

    [Fact]
    public void A_retry_delay_longer_than_its_ceiling_stops_the_start_naming_both()
    {
        var error = Refused(new() { ["SellerApplication:RetryDelay"] = "00:10:00", ["SellerApplication:MaxRetryDelay"] = "00:05:00" });

        Assert.Contains("SellerApplication:MaxRetryDelay", error.Message);
        Assert.Contains("SellerApplication:RetryDelay", error.Message);
    }
}
