using Provisioning.SellerApplication;
using Provisioning.Simulator.Cli;

namespace Provisioning.Simulator.Tests;

/// <summary>The <c>--fault</c> option of <c>fake-seller-app</c>.</summary>
public sealed class FaultSpecTests
{
    [Theory]
    [InlineData("events:error:3:instance.opened", false, DeliveryFault.Error, 3, "instance.opened", null)]
    [InlineData("events:late:1:*:2.5", false, DeliveryFault.Late, 1, null, 2.5)]
    [InlineData("provisioning:silent:1", true, DeliveryFault.Silent, 1, null, null)]
    [InlineData("events:Drop:2:", false, DeliveryFault.Drop, 2, null, null)]
    public void A_spec_reads_into_the_endpoint_and_rule(string text, bool provisioning, DeliveryFault fault, int count, string? type, double? seconds)
    {
        var spec = FaultSpec.Parse(text, out var problem);

        Assert.Null(problem);
        Assert.Equal(new FaultSpec(provisioning, new FaultRule(fault, count, type, seconds is { } s ? TimeSpan.FromSeconds(s) : null)), spec);
    }

    [Theory]
    [InlineData("events:error", "expected")]
    [InlineData("hooks:error:1", "expected")]
    [InlineData("events:explode:1", "expected")]
    [InlineData("events:5:1", "expected")]
    [InlineData("events:error:-1", "expected")]
    [InlineData("events:late:1:*:soon", "expected")]
    [InlineData("events:error:0", "count must be between 1 and 1000")]
    [InlineData("events:late:1", "a late fault needs a delay")]
    public void A_spec_that_cannot_be_read_or_played_is_refused_with_its_reason(string text, string reason)
    {
        Assert.Null(FaultSpec.Parse(text, out var problem));
        Assert.StartsWith($"--fault {text}: ", problem);
        Assert.Contains(reason, problem);
    }
}
