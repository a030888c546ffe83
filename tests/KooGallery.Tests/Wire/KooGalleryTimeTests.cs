namespace Provisioning.KooGallery.Tests.Wire;

public class KooGalleryTimeTests
{
    [Fact]
    public void A_17_digit_timeStamp_parses_as_utc_with_milliseconds()
    {
        Assert.True(KooGalleryTime.TryParse("20230327065233980", out var t));
        Assert.Equal(new DateTimeOffset(2023, 3, 27, 6, 52, 33, 980, TimeSpan.Zero), t);
        Assert.Equal(TimeSpan.Zero, t.Offset);
    }

    [Fact]
    public void A_14_digit_expireTime_parses_as_utc()
    {
        Assert.True(KooGalleryTime.TryParse("20260131235959", out var t));
        Assert.Equal(new DateTimeOffset(2026, 1, 31, 23, 59, 59, TimeSpan.Zero), t);
    }

    [Fact]
    public void The_V2_expireTime_example_with_milliseconds_parses()
    {
        Assert.True(KooGalleryTime.TryParse("20221124023618256", out var t));
        Assert.Equal(new DateTimeOffset(2022, 11, 24, 2, 36, 18, 256, TimeSpan.Zero), t);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2025010108000")]       // 13 digits
    [InlineData("202501010800001")]     // 15 digits
    [InlineData("2025010108000012")]    // 16 digits
    [InlineData("202501010800001234")]  // 18 digits
    [InlineData("2025010108000A")]
    [InlineData("20250101T80000")]
    [InlineData(" 0250101080000")]
    [InlineData("+0250101080000")]
    [InlineData("-0250101080000")]
    [InlineData("２０２５0101080000")]   // full-width digits
    [InlineData("20250230120000")]      // 30 February
    [InlineData("20251301120000")]      // month 13
    [InlineData("20250101240000")]      // hour 24
    [InlineData("20250101126000")]      // minute 60
    [InlineData("20250101120060")]      // second 60
    [InlineData("00000101000000")]      // year 0
    [InlineData("2025-01-01T08:00")]
    public void Anything_but_14_or_17_digits_of_a_valid_time_is_rejected(string? value)
    {
        Assert.False(KooGalleryTime.TryParse(value, out var t));
        Assert.Equal(default, t);
    }

    [Fact]
    public void A_leap_day_is_accepted()
    {
        Assert.True(KooGalleryTime.TryParse("20240229000000", out var t));
        Assert.Equal(new DateTimeOffset(2024, 2, 29, 0, 0, 0, TimeSpan.Zero), t);
    }

    [Fact]
    public void Formatting_writes_17_and_14_digits_in_utc()
    {
        var t = new DateTimeOffset(2025, 1, 1, 16, 0, 0, 123, TimeSpan.FromHours(8));

        Assert.Equal("20250101080000123", KooGalleryTime.FormatMillis(t));
        Assert.Equal("20250101080000", KooGalleryTime.FormatSeconds(t));
    }

    [Fact]
    public void Milliseconds_are_zero_padded()
    {
        var t = new DateTimeOffset(2025, 1, 2, 3, 4, 5, 6, TimeSpan.Zero);

        Assert.Equal("20250102030405006", KooGalleryTime.FormatMillis(t));
    }

    [Theory]
    [InlineData("20250101080000123")]
    [InlineData("20230327065233980")]
    [InlineData("99991231235959999")]
    [InlineData("00010101000000000")]
    public void A_parsed_17_digit_time_formats_back_identically(string wire)
    {
        Assert.True(KooGalleryTime.TryParse(wire, out var t));
        Assert.Equal(wire, KooGalleryTime.FormatMillis(t));
    }

    [Theory]
    [InlineData("20260131235959")]
    [InlineData("20240229120000")]
    public void A_parsed_14_digit_time_formats_back_identically(string wire)
    {
        Assert.True(KooGalleryTime.TryParse(wire, out var t));
        Assert.Equal(wire, KooGalleryTime.FormatSeconds(t));
    }
}
