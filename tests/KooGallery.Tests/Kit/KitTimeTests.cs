using Provisioning.KooGallery.Kit;

namespace Provisioning.KooGallery.Tests.Kit;

public class KitTimeTests
{
    [Fact]
    public void A_stamp_is_read_at_utc_plus_8()
    {
        Assert.True(KitTime.TryParse("20240315151130123", out var time));
        Assert.Equal(new DateTimeOffset(2024, 3, 15, 15, 11, 30, 123, TimeSpan.FromHours(8)), time);
        Assert.Equal(new DateTimeOffset(2024, 3, 15, 7, 11, 30, 123, TimeSpan.Zero), time.ToUniversalTime());
    }

    [Fact]
    public void Formatting_goes_back_to_the_same_stamp()
    {
        Assert.Equal("20240315151130123", KitTime.Format(new DateTimeOffset(2024, 3, 15, 7, 11, 30, 123, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("20240315151130")]
    [InlineData("202403151511301234")]
    [InlineData("2024031515113012x")]
    [InlineData("20241315151130123")]
    [InlineData("+0240315151130123")]
    [InlineData("２0240315151130123")]
    public void Anything_but_17_digits_of_a_real_time_is_refused(string? value)
    {
        Assert.False(KitTime.TryParse(value, out _));
    }
}
