using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Provisioning.Testing;

/// <summary>
/// The gateway with its usage push pointed at a fake open API, meters and pusher ticking every few
/// hundred milliseconds, and a <see cref="ShiftedClock"/> so a test can close hours by moving "now" ahead.
/// In memory unless a PostgreSQL connection string is given; <paramref name="settings"/> add to or replace these.
/// </summary>
public sealed class MeteringGateway(string usageApiBaseUrl, string? connectionString = null, IReadOnlyDictionary<string, string?>? settings = null) : GatewayFactory
{
    public ShiftedClock Clock { get; } = new();

    /// <summary>Settings that switch the gateway to the old (AK/SK-signed) usage push, with the keys the fake receiver checks.</summary>
    public static readonly IReadOnlyDictionary<string, string?> OldPush = new Dictionary<string, string?>
    {
        ["KooGallery:UsagePush:Version"] = "Old",
        ["KooGallery:OpenApi:AccessKeyId"] = TestOpenApi.AccessKeyId,
        ["KooGallery:OpenApi:SecretAccessKey"] = TestOpenApi.SecretAccessKey,
    };

    protected override IReadOnlyDictionary<string, string?> Settings
    {
        get
        {
            var all = new Dictionary<string, string?>(base.Settings)
            {
                ["ConnectionStrings:Provisioning"] = connectionString,
                ["KooGallery:OpenApi:BaseUrl"] = usageApiBaseUrl,
                ["KooGallery:OpenApi:FallbackBaseUrl"] = "",
                ["KooGallery:OpenApi:Timeout"] = "00:00:00.500",
                ["KooGallery:OpenApi:MaxRetries"] = "1",
                ["KooGallery:OpenApi:RetryDelay"] = "00:00:00.050",
                ["Usage:StagePeriod"] = "00:00:00.100",
                ["Usage:PushPeriod"] = "00:00:00.200",
                ["Usage:RetryDelay"] = "00:00:00.200",
                ["Usage:MaxRetryDelay"] = "00:00:01",
            };
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
            return all;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
