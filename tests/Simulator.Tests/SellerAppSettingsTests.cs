using Provisioning.Simulator.Cli;

namespace Provisioning.Simulator.Tests;

/// <summary>How <c>run</c> and <c>fake-seller-app</c> refuse seller application options they cannot use.</summary>
public sealed class SellerAppSettingsTests
{
    private const string Secret = "whsec_c2ltdWxhdGVkLXNlbGxlci1hcHAtc2VjcmV0LTAxMjM0NQ==";

    private static RunSettings Run(string? url = null, int? port = null, string? secret = null) =>
        new() { Key = "k", AccessKey = "a", SellerApp = url, SellerAppPort = port, SellerAppSecret = secret };

    [Fact]
    public void A_port_with_its_secret_or_a_url_alone_is_accepted()
    {
        Assert.True(Run(port: 5201, secret: Secret).Validate().Successful);
        Assert.True(Run(url: "http://127.0.0.1:5201").Validate().Successful);
        Assert.True(Run().Validate().Successful);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5201", 5201, Secret, "give --seller-app or --seller-app-port, not both")]
    [InlineData("not a url", null, null, "--seller-app not a url is not an absolute URL")]
    [InlineData(null, 5201, null, "--seller-app-port needs --seller-app-secret")]
    [InlineData(null, 5201, "whsec_not base64!", "--seller-app-port/--seller-app-secret: the signing secret must be whsec_ followed by Base64")]
    [InlineData(null, 70000, Secret, "--seller-app-port/--seller-app-secret: the port must be a TCP port")]
    public void Unusable_seller_app_options_are_refused_with_the_reason(string? url, int? port, string? secret, string message)
    {
        var result = Run(url, port, secret).Validate();

        Assert.False(result.Successful);
        Assert.Equal(message, result.Message);
    }

    [Fact]
    public void Fake_seller_app_needs_a_usable_secret_and_readable_faults()
    {
        Assert.True(new FakeSellerAppSettings { Secret = Secret, Faults = ["events:error:2"] }.Validate().Successful);
        Assert.Equal("--secret is required", new FakeSellerAppSettings().Validate().Message);
        Assert.Equal("the signing secret must be whsec_ followed by Base64", new FakeSellerAppSettings { Secret = "whsec_" }.Validate().Message);
        Assert.StartsWith("--fault events:error: expected", new FakeSellerAppSettings { Secret = Secret, Faults = ["events:error"] }.Validate().Message);
    }
}
