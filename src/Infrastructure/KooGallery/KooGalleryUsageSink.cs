using Provisioning.KooGallery.Usage;

using Provisioning.Grains.Usage;

namespace Provisioning.Infrastructure.KooGallery;

/// <summary>Adapter: usage records to KooGallery's usage push (new or old version, as configured).</summary>
internal sealed class KooGalleryUsageSink(UsagePushClient client, ILogger<KooGalleryUsageSink> logger) : IUsageSink
{
    public int MaxBatch => UsagePushBody.MaxRecords;

    public TimeSpan Window => UsageRecord.Window;

    public async Task<UsageDelivery> PushAsync(IReadOnlyList<MeteringRecord> records, CancellationToken cancellationToken)
    {
        try
        {
            var result = await client.PushAsync([.. records.Select(ToMarketplace)], cancellationToken);
            return result.Outcome switch
            {
                UsagePushOutcome.Accepted => UsageDelivery.Accepted,
                UsagePushOutcome.Transient => new UsageDelivery(UsageDeliveryOutcome.Transient, Describe(result)),
                UsagePushOutcome.Unconfirmed => new UsageDelivery(UsageDeliveryOutcome.Unconfirmed, Describe(result)),
                _ => new UsageDelivery(UsageDeliveryOutcome.Permanent, Describe(result)),
            };
        }
        catch (ArgumentException e)
        {
            return new UsageDelivery(UsageDeliveryOutcome.Permanent, e.Message);
        }
        catch (InvalidOperationException e)
        {
            // Missing keys: nothing is wrong with the records, so they wait until the push is configured.
            logger.LogWarning("The usage push is not configured: {Problem}", e.Message);
            return new UsageDelivery(UsageDeliveryOutcome.Transient, e.Message);
        }
    }

    private static UsageRecord ToMarketplace(MeteringRecord record) =>
        new(record.InstanceId, record.StagedAt, record.HourStart, record.HourEnd, record.Value, record.MeteringSn, record.Package)
        {
            ProductId = record.ProductId,
        };

    private static string Describe(UsagePushResult result) =>
        $"{(result.ErrorCode.Length > 0 ? result.ErrorCode : "no answer")}{(result.HttpStatus is { } status ? $" (HTTP {status})" : "")}: {result.Message}";
}
