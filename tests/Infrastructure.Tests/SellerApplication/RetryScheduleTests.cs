using Provisioning.Infrastructure.SellerApplication;

namespace Provisioning.Infrastructure.Tests.SellerApplication;

/// <summary>How long a failing event waits before its next delivery, and when it is given up.</summary>
public sealed class RetryScheduleTests
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Max = TimeSpan.FromHours(1);

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(10, 2560)]
    [InlineData(11, 3600)]
    [InlineData(1000, 3600)]
    [InlineData(int.MaxValue, 3600)]
    public void The_delay_doubles_from_the_first_up_to_the_ceiling(int failures, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetrySchedule.Delay(failures, First, Max));
    }

    [Fact]
    public void An_event_is_given_up_once_its_age_reaches_the_dead_letter_age_and_not_before()
    {
        var since = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var age = TimeSpan.FromDays(3);

        Assert.False(RetrySchedule.IsDead(since, since + age - TimeSpan.FromSeconds(1), age));
        Assert.True(RetrySchedule.IsDead(since, since + age, age));
        Assert.True(RetrySchedule.IsDead(since, since + age + TimeSpan.FromHours(1), age));
    }
}
