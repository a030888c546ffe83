using System.Text.Encodings.Web;
using System.Text.Json;

namespace Provisioning.KooGallery.Usage;

/// <summary>
/// The usage push body exactly as it is signed and sent: compact UTF-8 JSON <c>{"usage_records":[…]}</c>.
/// The new version's keys are in ordinal order at every level (kit A-13); the old version's follow its field table,
/// since AK/SK signing covers whatever bytes are sent. <c>usage_value</c> is a string (kit A-12), times are
/// <c>yyyyMMdd'T'HHmmss'Z'</c> UTC, and <c>relate_pkg_instance</c> is left out when there is none.
/// Records are written as given; the client checks them first.
/// </summary>
public static class UsagePushBody
{
    /// <summary>The most records sent in one push: the lower of the documented limits, 1000 and 100 (kit A-12).</summary>
    public const int MaxRecords = 100;

    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The body for <paramref name="records"/> in the shape of <paramref name="version"/>.</summary>
    /// <exception cref="ArgumentException">The old version is asked for and a record has no product id.</exception>
    public static byte[] Serialize(IReadOnlyList<UsageRecord> records, UsagePushVersion version)
    {
        ArgumentNullException.ThrowIfNull(records);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Compact))
        {
            json.WriteStartObject();
            json.WriteStartArray("usage_records");
            foreach (var record in records)
            {
                json.WriteStartObject();
                if (version == UsagePushVersion.Old)
                {
                    WriteOld(json, record);
                }
                else
                {
                    WriteNew(json, record);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    // Written in ordinal key order by hand: the field set is fixed, so sorting at run time would only add a way to differ.
    private static void WriteNew(Utf8JsonWriter json, UsageRecord record)
    {
        json.WriteString("begin_time", UsageTime.Format(record.BeginTime));
        json.WriteString("end_time", UsageTime.Format(record.EndTime));
        json.WriteString("instance_id", record.InstanceId);
        json.WriteString("metering_sn", record.MeteringSn);
        json.WriteString("record_time", UsageTime.Format(record.RecordTime));
        if (record.RelatedPackageInstance is not null)
        {
            json.WriteString("relate_pkg_instance", record.RelatedPackageInstance);
        }

        json.WriteString("usage_value", UsageValueText.Format(record.UsageValue));
    }

    private static void WriteOld(Utf8JsonWriter json, UsageRecord record)
    {
        json.WriteString("instance_id", record.InstanceId);
        json.WriteString("product_id", record.ProductId
            ?? throw new ArgumentException($"Record {record.MeteringSn} has no product id, which the old usage push requires.", "records"));
        json.WriteString("record_time", UsageTime.Format(record.RecordTime));
        json.WriteString("begin_time", UsageTime.Format(record.BeginTime));
        json.WriteString("end_time", UsageTime.Format(record.EndTime));
        json.WriteString("usage_value", UsageValueText.Format(record.UsageValue));
        if (record.RelatedPackageInstance is not null)
        {
            json.WriteString("relate_pkg_instance", record.RelatedPackageInstance);
        }
    }
}
