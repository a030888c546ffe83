using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Provisioning.Grains.Licenses;
using Provisioning.Grains.Orders;

namespace Provisioning.Testing;

/// <summary>The real gateway (co-hosting a silo with in-memory storage) behind an in-process test server.</summary>
public class GatewayFactory : WebApplicationFactory<Program>
{
    public const string Key = "MyAccessKey-1234567890";
    public const string AccessKey = "v2-access-key";
    public const string KitAccessKey = "kit-access-key";
    public const string LicenseAccessKey = "license-access-key";
    public const string SellerApiKey = "seller-api-key";
    public const string SellerAdminKey = "seller-admin-key";
    public const string SellerUsageKey = "seller-usage-key";
    public const string SellerLicenseKey = "seller-license-key";

    /// <summary>The seller's RSA key for Kit client secrets: made once per test run, since 3072-bit keys are slow to generate.</summary>
    public static RSA KitKey { get; } = RSA.Create(3072);

    protected virtual string Environment => "Development";

    /// <summary>Whether V2 order lines come from <see cref="ScriptedOrders"/> rather than KooGallery's order query API.</summary>
    protected virtual bool ScriptsOrders => true;

    /// <summary>Whether activation codes come from <see cref="ScriptedActivationCodes"/> rather than KooGallery's activation code APIs.</summary>
    protected virtual bool ScriptsActivationCodes => true;

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["KooGallery:Key"] = Key,
        ["KooGallery:AccessKey"] = AccessKey,
        ["KooGallery:KitAccessKey"] = KitAccessKey,
        ["KooGallery:LicenseAccessKey"] = LicenseAccessKey,
        ["KooGallery:KitPrivateKey"] = KitKey.ExportPkcs8PrivateKeyPem(),
        ["SellerApi:Key"] = SellerApiKey,
        ["SellerApi:AdminKey"] = SellerAdminKey,
        ["SellerApi:UsageKey"] = SellerUsageKey,
        ["SellerApi:LicenseKey"] = SellerLicenseKey,
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        foreach (var (name, value) in Settings)
        {
            builder.UseSetting(name, value);
        }

        // Several test hosts run at once on one machine: give each silo its own ports.
        builder.UseSetting("Orleans:Endpoints:AdvertisedIPAddress", "127.0.0.1");
        builder.UseSetting("Orleans:Endpoints:SiloPort", FreePort().ToString());
        builder.UseSetting("Orleans:Endpoints:GatewayPort", FreePort().ToString());
        if (ScriptsOrders) builder.ConfigureTestServices(services => services.AddSingleton<IOrderSource, ScriptedOrders>());
        if (ScriptsActivationCodes) builder.ConfigureTestServices(services => services.AddSingleton<IActivationCodeMarketplace, ScriptedActivationCodes>());
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
