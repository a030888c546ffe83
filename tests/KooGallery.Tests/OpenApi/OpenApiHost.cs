using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Provisioning.KooGallery.OpenApi;

namespace Provisioning.KooGallery.Tests.OpenApi;

/// <summary>The Open API client as the gateway registers it, talking to a <see cref="FakeMarketplace"/>.</summary>
internal static class OpenApiHost
{
    public const string AccessKeyId = "AK-EXAMPLE-0001";
    public const string SecretAccessKey = "SK-Example-Secret-Do-Not-Log-0001";

    public static ServiceProvider Build(FakeMarketplace marketplace, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["KooGallery:OpenApi:AccessKeyId"] = AccessKeyId,
            ["KooGallery:OpenApi:SecretAccessKey"] = SecretAccessKey,
            ["KooGallery:OpenApi:RetryDelay"] = "00:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var services = new ServiceCollection();
        services.AddKooGalleryOpenApi(new ConfigurationBuilder().AddInMemoryCollection(values).Build())
            .ConfigurePrimaryHttpMessageHandler(() => marketplace);
        services.AddSingleton<TimeProvider>(new SteppingClock());
        return services.BuildServiceProvider();
    }

    public static async Task<MarketplaceOrder> QueryAsync(FakeMarketplace marketplace, IDictionary<string, string?>? settings = null,
        string orderId = "MOCKPERIODYEARNEW", string? orderLineId = "MOCKPERIODYEARNEW-000001")
    {
        await using var services = Build(marketplace, settings);
        return await services.GetRequiredService<OrderQueryClient>().QueryAsync(orderId, orderLineId, CancellationToken.None);
    }
}
