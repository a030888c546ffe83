using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Provisioning.KooGallery.Tests.OpenApi;
using Provisioning.KooGallery.Usage;

namespace Provisioning.KooGallery.Tests.Usage;

/// <summary>The usage push client as the gateway registers it, talking to a <see cref="FakeMarketplace"/>.</summary>
internal static class UsagePushHost
{
    public const string BasicAccessKey = "Basic-AccessKey-0001";

    /// <summary>Where a <see cref="SteppingClock"/> starts: records must begin within 21 days of it.</summary>
    public static readonly DateTimeOffset Start = new SteppingClock().GetUtcNow();

    public static ServiceProvider Build(FakeMarketplace marketplace, IDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["KooGallery:AccessKey"] = BasicAccessKey,
            ["KooGallery:OpenApi:AccessKeyId"] = OpenApiHost.AccessKeyId,
            ["KooGallery:OpenApi:SecretAccessKey"] = OpenApiHost.SecretAccessKey,
            ["KooGallery:OpenApi:RetryDelay"] = "00:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var services = new ServiceCollection();
        services.AddKooGalleryUsagePush(new ConfigurationBuilder().AddInMemoryCollection(values).Build())
            .ConfigurePrimaryHttpMessageHandler(() => marketplace);
        services.AddSingleton(clock ?? new SteppingClock());
        return services.BuildServiceProvider();
    }

    public static async Task<UsagePushResult> PushAsync(FakeMarketplace marketplace, IDictionary<string, string?>? settings = null,
        IReadOnlyList<UsageRecord>? records = null, TimeProvider? clock = null)
    {
        await using var services = Build(marketplace, settings, clock);
        return await services.GetRequiredService<UsagePushClient>().PushAsync(records ?? [Record()], CancellationToken.None);
    }

    /// <summary>An hour's usage ending an hour before <see cref="Start"/>.</summary>
    public static UsageRecord Record(string meteringSn = "sn-0001") => new(
        "7f141bf1-aec8-4859-8323-fb3a8ad50721",
        Start.AddMinutes(-50),
        Start.AddHours(-2),
        Start.AddHours(-1),
        12.5m,
        meteringSn,
        null);
}
