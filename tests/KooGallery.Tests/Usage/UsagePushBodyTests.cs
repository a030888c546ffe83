using System.Text;
using System.Text.Json.Nodes;
using Provisioning.KooGallery.Usage;

namespace Provisioning.KooGallery.Tests.Usage;

public class UsagePushBodyTests
{
    private static string New(params UsageRecord[] records) => Encoding.UTF8.GetString(UsagePushBody.Serialize(records, UsagePushVersion.New));

    [Theory]
    [InlineData("99", "\"99\"")]
    [InlineData("99.0000", "\"99\"")]
    [InlineData("12.5", "\"12.5\"")]
    [InlineData("12.50", "\"12.5\"")]
    [InlineData("0.0001", "\"0.0001\"")]
    [InlineData("123456789012345.1234", "\"123456789012345.1234\"")]
    [InlineData("10000000000000000", "\"10000000000000000\"")]
    public void Usage_value_is_a_string_without_trailing_zeros_or_exponent(string value, string expected)
    {
        var record = UsageExample.Record() with { UsageValue = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture) };

        Assert.Contains($"\"usage_value\":{expected}", New(record), StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_are_in_ordinal_order_at_every_level_and_the_body_is_compact()
    {
        var body = New(UsageExample.Record() with { RelatedPackageInstance = "pkg-1" }, UsageExample.Record() with { MeteringSn = "sn-2" });

        Assert.Equal(Sorted(JsonNode.Parse(body)!).ToJsonString(), body);
        Assert.DoesNotContain(' ', body);
        Assert.Contains("\"record_time\":\"20220809T091000Z\",\"relate_pkg_instance\":\"pkg-1\",\"usage_value\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Relate_pkg_instance_is_left_out_when_there_is_none()
    {
        Assert.DoesNotContain("relate_pkg_instance", New(UsageExample.Record()), StringComparison.Ordinal);
    }

    [Fact]
    public void Times_are_sent_in_utc_to_the_second()
    {
        var beijing = TimeSpan.FromHours(8);
        var record = UsageExample.Record() with
        {
            RecordTime = new DateTimeOffset(2022, 8, 9, 17, 10, 0, 999, beijing),
            BeginTime = new DateTimeOffset(2022, 8, 9, 16, 0, 0, beijing),
            EndTime = new DateTimeOffset(2022, 8, 9, 17, 0, 0, beijing),
        };

        Assert.Equal(UsageExample.Body, New(record));
    }

    [Fact]
    public void Ids_are_written_without_escaping_beyond_what_json_requires()
    {
        var body = New(UsageExample.Record() with { InstanceId = "实例+1&<x>", MeteringSn = "sn\"q" });

        Assert.Contains("\"instance_id\":\"实例+1&<x>\"", body, StringComparison.Ordinal);
        Assert.Contains("\"metering_sn\":\"sn\\\"q\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public void The_old_body_follows_the_old_field_table_with_product_id_and_no_metering_sn()
    {
        var body = Encoding.UTF8.GetString(UsagePushBody.Serialize([UsageExample.OldRecord()], UsagePushVersion.Old));

        Assert.Equal(UsageExample.OldBody, body);
    }

    [Fact]
    public void The_old_body_refuses_a_record_without_product_id()
    {
        Assert.Throws<ArgumentException>(() => UsagePushBody.Serialize([UsageExample.Record()], UsagePushVersion.Old));
    }

    [Fact]
    public void The_batch_limit_is_safe_for_both_documented_limits()
    {
        Assert.Equal(100, UsagePushBody.MaxRecords);
    }

    private static JsonNode Sorted(JsonNode node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, (JsonNode?)Sorted(p.Value!)))),
        JsonArray a => new JsonArray(a.Select(item => (JsonNode?)Sorted(item!)).ToArray()),
        _ => node.DeepClone(),
    };
}
