using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace Provisioning.KooGallery.Usage;

/// <summary>
/// The pay-per-use usage push (按需使用量推送, kit §C), new or old version per <see cref="UsagePushOptions.Version"/>,
/// relative to the HttpClient's BaseAddress. Registered by
/// <see cref="UsagePushServiceCollectionExtensions.AddKooGalleryUsagePush"/> with signing, timeouts, retries of
/// transient failures and the fallback host.
/// </summary>
public sealed class UsagePushClient(HttpClient http, IOptions<UsagePushOptions> options, TimeProvider time)
{
    /// <summary>The new version's path, relative to the base address.</summary>
    public const string NewPath = "api/mkp-openapi-public/global/v1/isv/usage-data";

    /// <summary>The old version's path, relative to the base address.</summary>
    public const string OldPath = "rest/marketplace/v1/isv/usage-data";

    /// <summary>
    /// Sends <paramref name="records"/> in one request. Failures are answered, not thrown: see <see cref="UsagePushResult"/>.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// There are no records or more than <see cref="UsagePushBody.MaxRecords"/>, or a record cannot be sent (named by its
    /// metering_sn); nothing was sent.
    /// </exception>
    /// <exception cref="InvalidOperationException">The signing key (new) or AK/SK (old) is not configured.</exception>
    public async Task<UsagePushResult> PushAsync(IReadOnlyList<UsageRecord> records, CancellationToken ct)
    {
        var version = options.Value.Version;
        Check(records, version, time.GetUtcNow());
        var body = UsagePushBody.Serialize(records, version);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(version == UsagePushVersion.Old ? OldPath : NewPath, UriKind.Relative))
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        try
        {
            using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
            var answer = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
            return UsagePushAnswer.Read((int)response.StatusCode, answer, version);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException
                                  || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return UsagePushAnswer.NoAnswer(e, version);
        }
    }

    private static void Check(IReadOnlyList<UsageRecord> records, UsagePushVersion version, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count is 0 or > UsagePushBody.MaxRecords)
        {
            throw new ArgumentException($"A usage push carries 1 to {UsagePushBody.MaxRecords} records, not {records.Count}.", nameof(records));
        }

        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i] ?? throw new ArgumentException($"Usage record {i} is null.", nameof(records));
            var problem = UsageRecord.Problem(record)
                ?? (record.IsWithinWindow(now) ? null
                    : $"begin_time {UsageTime.Format(record.BeginTime)} is more than {UsageRecord.Window.TotalDays} days before {UsageTime.Format(now)}")
                ?? (version == UsagePushVersion.Old && string.IsNullOrEmpty(record.ProductId) ? "product_id is empty, and the old usage push requires it" : null);
            if (problem is not null)
            {
                throw new ArgumentException($"Usage record {i} (metering_sn '{record.MeteringSn}') cannot be sent: {problem}.", nameof(records));
            }
        }
    }
}
