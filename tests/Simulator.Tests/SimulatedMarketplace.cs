using Provisioning.Marketplace.OpenApi;
using Provisioning.Simulator.Running;
using Provisioning.Testing;

namespace Provisioning.Simulator.Tests;

/// <summary>
/// The simulator's fake KooGallery open API on a free loopback port, and the real gateway (in-process) pointed at it for V2 order
/// queries, with every key the scenarios need.
/// </summary>
public sealed class SimulatedMarketplace : IAsyncLifetime
{
    public const string OpenApiAccessKeyId = "SIMULATORAKSIMULATOR";
    public const string OpenApiSecretAccessKey = "simulator-open-api-secret";

    public FakeOpenApi OpenApi { get; private set; } = null!;

    public GatewayFactory Gateway { get; private set; } = null!;

    /// <summary>Every setting a full run uses: keys, the Kit public key, both seller API keys and the fake open API.</summary>
    public SimulationOptions Options => new(GatewayFactory.Key, GatewayFactory.AccessKey)
    {
        KitAccessKey = GatewayFactory.KitAccessKey,
        KitPublicKey = Convert.ToBase64String(GatewayFactory.KitKey.ExportSubjectPublicKeyInfo()),
        SellerApiKey = GatewayFactory.SellerApiKey,
        SellerAdminKey = GatewayFactory.SellerAdminKey,
        SellerUsageKey = GatewayFactory.SellerUsageKey,
        OpenApi = OpenApi.BaseUrl,
    };

    public async Task InitializeAsync()
    {
        OpenApi = await FakeOpenApi.StartAsync(new FakeOpenApiOptions(0, OpenApiAccessKeyId, OpenApiSecretAccessKey, GatewayFactory.AccessKey));
        Gateway = new OpenApiGateway(OpenApi.BaseUrl.ToString());
    }

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await OpenApi.DisposeAsync();
    }

    private sealed class OpenApiGateway(string openApiBaseUrl) : GatewayFactory
    {
        protected override bool ScriptsOrders => false;

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
        {
            ["KooGallery:OpenApi:BaseUrl"] = openApiBaseUrl,
            ["KooGallery:OpenApi:FallbackBaseUrl"] = "",
            ["KooGallery:OpenApi:AccessKeyId"] = OpenApiAccessKeyId,
            ["KooGallery:OpenApi:SecretAccessKey"] = OpenApiSecretAccessKey,
        };
    }
}
