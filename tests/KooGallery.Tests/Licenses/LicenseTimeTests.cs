using Provisioning.KooGallery.Licenses;

namespace Provisioning.KooGallery.Tests.Licenses;

/// <summary>getLicenseAsync's times (license §C.1, §8 #20).</summary>
public class LicenseTimeTests
{
    [Theory]
    [InlineData("2023-10-27 10:30:15 z", "2023-10-27T10:30:15Z")]
    [InlineData("2023-10-27 10:30:15 Z", "2023-10-27T10:30:15Z")]
    [InlineData("2023-10-27 10:30:15Z", "2023-10-27T10:30:15Z")]
    [InlineData("2023-10-27 10:30:15", "2023-10-27T10:30:15Z")]
    [InlineData("2023-10-27 18:30:15 +08:00", "2023-10-27T10:30:15Z")]
    [InlineData("2023-10-27 05:30:15 -05:00", "2023-10-27T10:30:15Z")]
    public void A_designator_or_offset_reads_as_utc(string text, string expected)
    {
        Assert.True(LicenseTime.TryParse(text, out var time));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), time);
        Assert.Equal(TimeSpan.Zero, time.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("20231027103015")]
    [InlineData("2023-10-27T10:30:15Z")]
    [InlineData("2023-10-27 10:30")]
    [InlineData("2023-13-27 10:30:15 z")]
    [InlineData("2023-10-27 10:30:15 x")]
    [InlineData("2023-10-27 10:30:15 +0800")]
    [InlineData("2023-10-27 10:30:15 +15:00")]
    [InlineData("2023-10-27 10:30:15 z z")]
    public void Anything_else_is_refused(string text)
    {
        Assert.False(LicenseTime.TryParse(text, out _));
    }

    [Fact]
    public void Format_writes_the_marketplace_form_in_utc()
    {
        Assert.Equal("2024-03-17 06:42:37 z", LicenseTime.Format(new DateTimeOffset(2024, 3, 17, 14, 42, 37, TimeSpan.FromHours(8))));
    }
}
