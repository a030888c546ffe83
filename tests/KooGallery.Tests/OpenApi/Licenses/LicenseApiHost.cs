using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Provisioning.KooGallery.OpenApi.Licenses;

namespace Provisioning.KooGallery.Tests.OpenApi.Licenses;

/// <summary>The activation code clients as the silo registers them, talking to a <see cref="FakeMarketplace"/>.</summary>
internal static class LicenseApiHost
{
    public static ServiceProvider Build(FakeMarketplace marketplace, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["KooGallery:OpenApi:AccessKeyId"] = OpenApiHost.AccessKeyId,
            ["KooGallery:OpenApi:SecretAccessKey"] = OpenApiHost.SecretAccessKey,
            ["KooGallery:OpenApi:RetryDelay"] = "00:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var services = new ServiceCollection();
        services.AddKooGalleryActivationCodes(new ConfigurationBuilder().AddInMemoryCollection(values).Build())
            .ConfigureHttpClientDefaults(client => client.ConfigurePrimaryHttpMessageHandler(() => marketplace));
        services.AddSingleton<TimeProvider>(new SteppingClock());
        return services.BuildServiceProvider();
    }

    public static async Task<T> CallAsync<T>(FakeMarketplace marketplace, Func<ActivationCodeClient, Task<T>> call, IDictionary<string, string?>? settings = null)
    {
        await using var services = Build(marketplace, settings);
        return await call(services.GetRequiredService<ActivationCodeClient>());
    }

    public static async Task<SoftwareUsageAnswer> ReportAsync(FakeMarketplace marketplace, IReadOnlyList<SoftwareUsage> usage, IDictionary<string, string?>? settings = null)
    {
        await using var services = Build(marketplace, settings);
        return await services.GetRequiredService<SoftwareUsageClient>().ReportAsync(usage, CancellationToken.None);
    }

    public static Dictionary<string, string?> NoRetries() => new() { ["KooGallery:OpenApi:MaxRetries"] = "0" };
}
