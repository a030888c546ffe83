using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Provisioning.KooGallery.Login;
using Provisioning.KooGallery.Tests.OpenApi;

namespace Provisioning.KooGallery.Tests.Login;

/// <summary>The tenant auth center client as a host registers it, talking to a scripted <see cref="FakeMarketplace"/>.</summary>
internal static class AuthCenterHost
{
    public static readonly AuthCenterAddress Address = AuthCenterAddress.Parse("https://example.tenantaccount.com");

    /// <summary>The spec's token request example (kit §D.2).</summary>
    public static readonly TenantClientCredentials Client = new("NzZeWuiJa91dPSRdZQChMaz", "PlainSecretAfterRsaDecrypt");

    public const string Code = "z2D8Kq1";

    public const string Callback = "https://app.example.com/callback";

    public const string TokenAnswer =
        """{"access_token":"9b0f3e7c1d2a","token_type":"Bearer","expires_in":7200,"scope":"get_user_info","refresh_token":"dec4a1b77f1"}""";

    public const string UserAnswer =
        """{"id":"20201029190841785-CB37-8BD36B","userName":"zhangsan01","name":"Zhang San","email":"","mobile":"","role":"admin","organizationName":"R&D","organizationCode":"10001","userId":"20201029190841785-CB37-8BD36B","projectName":"huaiweitest","tenant":"68cbc86abc0123456789880d92f36422fa0e"}""";

    public const string Tenant = "68cbc86abc0123456789880d92f36422fa0e";

    public static ServiceProvider Build(FakeMarketplace authCenter, string timeout = "00:00:05", string? unifiedLoginUrl = null)
    {
        var settings = new Dictionary<string, string?> { ["KooGallery:Login:Timeout"] = timeout };
        if (unifiedLoginUrl is not null) settings["KooGallery:Login:UnifiedLoginUrl"] = unifiedLoginUrl;
        var services = new ServiceCollection();
        services.AddKooGalleryTenantAuthCenter(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .ConfigurePrimaryHttpMessageHandler(() => authCenter);
        return services.BuildServiceProvider();
    }

    public static TenantAuthCenterClient ClientOf(ServiceProvider services) => services.GetRequiredService<TenantAuthCenterClient>();
}
