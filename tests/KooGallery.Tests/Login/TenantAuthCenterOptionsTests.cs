using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Provisioning.KooGallery.Login;
using Provisioning.KooGallery.Tests.OpenApi;

namespace Provisioning.KooGallery.Tests.Login;

public class TenantAuthCenterOptionsTests
{
    [Theory]
    [InlineData("https://login.example.com/unified-login/", "https://login.example.com/unified-login/#/portal-login?ind=UNOP&appId=a1")]
    [InlineData("http://127.0.0.1:5090/unified-login/", "http://127.0.0.1:5090/unified-login/#/portal-login?ind=UNOP&appId=a1")]
    public async Task A_configured_unified_login_page_is_used(string configured, string expected)
    {
        await using var services = AuthCenterHost.Build(new FakeMarketplace(FakeMarketplace.Hang()), unifiedLoginUrl: configured);
        services.GetRequiredService<IStartupValidator>().Validate();

        var options = services.GetRequiredService<IOptions<TenantAuthCenterOptions>>().Value;

        Assert.Equal(expected, LoginUrls.UnifiedLogin(options.UnifiedLoginUrl, "a1").AbsoluteUri);
    }

    [Theory]
    [InlineData("macroverse.huaweicloud.com/unified-login/")]
    [InlineData("http://macroverse.huaweicloud.com/unified-login/")]
    [InlineData("https://macroverse.huaweicloud.com/unified-login/#/portal-login")]
    public async Task Any_other_unified_login_page_stops_the_host_start_naming_it(string configured)
    {
        await using var services = AuthCenterHost.Build(new FakeMarketplace(FakeMarketplace.Hang()), unifiedLoginUrl: configured);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("KooGallery:Login:UnifiedLoginUrl", error.Message);
    }
}
