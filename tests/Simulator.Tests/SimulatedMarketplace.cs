using System.Security.Cryptography;
using Provisioning.Marketplace.AuthCenter;
using Provisioning.Marketplace.OpenApi;
using Provisioning.SellerApplication;
using Provisioning.Simulator.Running;
using Provisioning.Testing;

namespace Provisioning.Simulator.Tests;

/// <summary>
/// The simulator's fake KooGallery open API, fake seller application and fake tenant auth center on free loopback ports, and
/// the real gateway (in-process) pointed at them: at the first for V2 order queries and activation codes, at the second for its
/// events, with logins returning to the second's origin (the auth centers are named by each tenant's domainName); with every
/// key the scenarios need.
/// </summary>
public sealed class SimulatedMarketplace : IAsyncLifetime
{
    public const string OpenApiAccessKeyId = "SIMULATORAKSIMULATOR";
    public const string OpenApiSecretAccessKey = "simulator-open-api-secret";

    private static readonly string SellerAppSecret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public FakeOpenApi OpenApi { get; private set; } = null!;

    public FakeSellerApplication SellerApp { get; private set; } = null!;

    public FakeAuthCenter AuthCenter { get; private set; } = null!;

    public GatewayFactory Gateway { get; private set; } = null!;

    /// <summary>Where logins return to: nothing serves it, the simulator's browser stops at its redirect.</summary>
    public Uri LoginReturnUrl => new(SellerApp.BaseUrl, "/signed-in");

    /// <summary>Every setting a full run uses: keys, the Kit public key, the seller API keys, the fake open API and seller application.</summary>
    public SimulationOptions Options => new(GatewayFactory.Key, GatewayFactory.AccessKey)
    {
        KitAccessKey = GatewayFactory.KitAccessKey,
        KitPublicKey = Convert.ToBase64String(GatewayFactory.KitKey.ExportSubjectPublicKeyInfo()),
        LicenseAccessKey = GatewayFactory.LicenseAccessKey,
        SellerApiKey = GatewayFactory.SellerApiKey,
        SellerAdminKey = GatewayFactory.SellerAdminKey,
        SellerUsageKey = GatewayFactory.SellerUsageKey,
        SellerLicenseKey = GatewayFactory.SellerLicenseKey,
        OpenApi = OpenApi.BaseUrl,
        SellerApp = SellerApp.BaseUrl,
        AuthCenter = AuthCenter.BaseUrl,
        LoginReturnUrl = LoginReturnUrl,
    };

    public async Task InitializeAsync()
    {
        OpenApi = await FakeOpenApi.StartAsync(new FakeOpenApiOptions(0, OpenApiAccessKeyId, OpenApiSecretAccessKey, GatewayFactory.AccessKey));
        SellerApp = await FakeSellerApplication.StartAsync(new FakeSellerApplicationOptions(0, SellerAppSecret));
        AuthCenter = await FakeAuthCenter.StartAsync(new FakeAuthCenterOptions(0));
        Gateway = new OpenApiGateway(OpenApi.BaseUrl.ToString(), SellerApp.EventsUrl.ToString(), LoginReturnUrl.GetLeftPart(UriPartial.Authority));
    }

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await OpenApi.DisposeAsync();
        await SellerApp.DisposeAsync();
        await AuthCenter.DisposeAsync();
    }

    private sealed class OpenApiGateway(string openApiBaseUrl, string eventsUrl, string applicationOrigin) : GatewayFactory
    {
        protected override bool ScriptsOrders => false;

        protected override bool ScriptsActivationCodes => false;

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
        {
            ["KooGallery:OpenApi:BaseUrl"] = openApiBaseUrl,
            ["KooGallery:OpenApi:FallbackBaseUrl"] = "",
            ["KooGallery:OpenApi:AccessKeyId"] = OpenApiAccessKeyId,
            ["KooGallery:OpenApi:SecretAccessKey"] = OpenApiSecretAccessKey,
            ["SellerApplication:EventsUrl"] = eventsUrl,
            ["SellerApplication:SigningSecret"] = SellerAppSecret,
            // The fault scenarios fail a delivery twice; retries come quickly so they finish in a second, not in 15.
            ["SellerApplication:RetryDelay"] = "00:00:00.100",
            ["SellerApplication:PollPeriod"] = "00:00:00.100",
            ["Login:ApplicationOrigins:0"] = applicationOrigin,
            // The login fault scenario holds a token answer back; the gateway gives up after 2 s rather than 5.
            ["KooGallery:Login:Timeout"] = "00:00:02",
        };
    }
}
