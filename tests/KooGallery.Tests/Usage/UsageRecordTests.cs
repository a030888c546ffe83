using Provisioning.KooGallery.Usage;

namespace Provisioning.KooGallery.Tests.Usage;

public class UsageRecordTests
{
    private static readonly DateTimeOffset Now = UsageExample.Utc(2022, 8, 9, 10, 0);

    [Fact]
    public void The_kit_example_record_has_no_problem_and_is_within_the_window()
    {
        Assert.Null(UsageRecord.Problem(UsageExample.Record()));
        Assert.True(UsageExample.Record().IsWithinWindow(Now));
    }

    [Theory]
    [InlineData("0", "usage_value 0 is not above zero")]
    [InlineData("-1.5", "usage_value -1.5 is not above zero")]
    [InlineData("0.00001", "usage_value 0.00001 has more than 4 decimals")]
    [InlineData("1.23456", "usage_value 1.23456 has more than 4 decimals")]
    [InlineData("123456789012345678901", "usage_value 123456789012345678901 is longer than 20 characters")]
    public void A_usage_value_that_is_not_positive_with_four_decimals_is_a_problem(string value, string problem)
    {
        var record = UsageExample.Record() with { UsageValue = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture) };

        Assert.Equal(problem, UsageRecord.Problem(record));
    }

    [Fact]
    public void Trailing_zeros_beyond_four_decimals_are_not_a_problem()
    {
        Assert.Null(UsageRecord.Problem(UsageExample.Record() with { UsageValue = 1.250000m }));
    }

    [Fact]
    public void A_begin_time_at_or_after_the_end_time_is_a_problem()
    {
        var record = UsageExample.Record();

        Assert.Equal("begin_time 20220809T090000Z is not before end_time 20220809T090000Z",
            UsageRecord.Problem(record with { BeginTime = record.EndTime }));
        Assert.Equal("begin_time 20220809T100000Z is not before end_time 20220809T090000Z",
            UsageRecord.Problem(record with { BeginTime = record.EndTime.AddHours(1) }));
        // Sent to the second, 09:00:00.2 to 09:00:00.7 would be an empty period.
        Assert.NotNull(UsageRecord.Problem(record with { BeginTime = record.EndTime.AddMilliseconds(200), EndTime = record.EndTime.AddMilliseconds(700) }));
    }

    [Theory]
    [InlineData(nameof(UsageRecord.InstanceId), "instance_id")]
    [InlineData(nameof(UsageRecord.MeteringSn), "metering_sn")]
    [InlineData(nameof(UsageRecord.RelatedPackageInstance), "relate_pkg_instance")]
    [InlineData(nameof(UsageRecord.ProductId), "product_id")]
    public void An_id_over_64_characters_is_a_problem(string property, string field)
    {
        var longest = new string('a', 64);
        var tooLong = new string('a', 65);

        Assert.Null(UsageRecord.Problem(WithId(property, longest)));
        Assert.Equal($"{field} is longer than 64 characters", UsageRecord.Problem(WithId(property, tooLong)));
    }

    [Theory]
    [InlineData(nameof(UsageRecord.InstanceId), "instance_id is empty")]
    [InlineData(nameof(UsageRecord.MeteringSn), "metering_sn is empty")]
    public void An_empty_mandatory_id_is_a_problem(string property, string problem)
    {
        Assert.Equal(problem, UsageRecord.Problem(WithId(property, "")));
    }

    [Fact]
    public void A_begin_time_up_to_21_days_back_is_within_the_window_and_older_is_not()
    {
        var record = UsageExample.Record();
        var edge = record.BeginTime + TimeSpan.FromDays(21);

        Assert.True(record.IsWithinWindow(edge));
        Assert.False(record.IsWithinWindow(edge.AddSeconds(1)));
    }

    private static UsageRecord WithId(string property, string value) => property switch
    {
        nameof(UsageRecord.InstanceId) => UsageExample.Record() with { InstanceId = value },
        nameof(UsageRecord.MeteringSn) => UsageExample.Record() with { MeteringSn = value },
        nameof(UsageRecord.RelatedPackageInstance) => UsageExample.Record() with { RelatedPackageInstance = value },
        _ => UsageExample.Record() with { ProductId = value },
    };
}
