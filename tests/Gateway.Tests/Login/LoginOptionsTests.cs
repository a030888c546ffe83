using System.ComponentModel.DataAnnotations;
using Provisioning.Gateway.Login;

namespace Provisioning.Gateway.Tests.Login;

/// <summary>The login settings a seller can get wrong are refused when the gateway starts, naming the setting.</summary>
public sealed class LoginOptionsTests
{
    private static string[] Problems(LoginOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage!)];
    }

    [Fact]
    public void The_defaults_are_valid() => Assert.Empty(Problems(new LoginOptions()));

    [Theory]
    [InlineData("http://app.example.com")]
    [InlineData("https://app.example.com/path")]
    [InlineData("https://app.example.com?x=1")]
    [InlineData("app.example.com")]
    public void An_application_origin_that_is_not_an_https_origin_is_refused(string origin)
    {
        var problem = Assert.Single(Problems(new LoginOptions { ApplicationOrigins = [origin] }));
        Assert.Contains("Login:ApplicationOrigins", problem);
    }

    [Fact]
    public void A_default_return_address_outside_the_origins_and_paths_without_their_parts_are_refused()
    {
        var problems = Problems(new LoginOptions
        {
            ApplicationOrigins = ["https://app.example.com"], DefaultReturnUrl = "https://other.example.com/", LoginPath = "/login",
            CallbackPath = "/login/{tenantId}/callback",
        });

        Assert.Contains(problems, p => p.Contains("Login:DefaultReturnUrl"));
        Assert.Contains(problems, p => p.Contains("Login:LoginPath"));
        Assert.Contains(problems, p => p.Contains("Login:CallbackPath"));
    }

    [Fact]
    public void A_token_lifetime_of_hours_is_refused() =>
        Assert.Contains("Login:TokenLifetime", Assert.Single(Problems(new LoginOptions { TokenLifetime = TimeSpan.FromHours(2) })));

    [Theory]
    [InlineData("https://app.example.com/welcome", true)]
    [InlineData("https://APP.example.com:443/x?y=1#z", true)]
    [InlineData("https://app.example.com:8443/", false)]
    [InlineData("https://app.example.com.evil.net/", false)]
    [InlineData("http://localhost:5201/", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("//app.example.com/", false)]
    public void A_return_address_is_allowed_only_at_a_configured_origin(string url, bool allowed) =>
        Assert.Equal(allowed, new LoginOrigins(["https://app.example.com", "http://localhost:5201"]).Allows(url));
}
