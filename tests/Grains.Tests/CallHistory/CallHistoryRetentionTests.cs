using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Provisioning.Grains.CallHistory;
using Provisioning.Grains.Instances;
using Provisioning.Testing;

namespace Provisioning.Grains.Tests.CallHistory;

public sealed class CallHistoryRetentionTests
{
    [Fact]
    public async Task A_prune_forgets_the_calls_older_than_the_retention_and_keeps_the_rest()
    {
        var history = new InMemoryCallHistory();
        var now = DateTimeOffset.UtcNow;
        var instance = "inst-" + Guid.NewGuid().ToString("N");
        await history.AppendAsync([CallHistoryContract.Entry(instance, now.AddDays(-31)), CallHistoryContract.Entry(instance, now.AddDays(-29))], CancellationToken.None);
        var retention = new CallHistoryRetention(history, Options.Create(new CallHistoryOptions { Retention = TimeSpan.FromDays(30) }), TimeProvider.System, NullLogger<CallHistoryRetention>.Instance);

        await retention.PruneAsync(CancellationToken.None);

        var kept = Assert.Single(await history.ReadAsync(new InstanceAddress(instance, Traffic.Live), 10, null, CancellationToken.None));
        Assert.Equal(now.AddDays(-29), kept.Entry.At);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("3651.00:00:00")]
    public void A_retention_out_of_range_is_refused(string retention)
    {
        var options = new CallHistoryOptions { Retention = TimeSpan.Parse(retention) };

        var errors = new List<ValidationResult>();
        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true));
        Assert.Contains("CallHistory:Retention", Assert.Single(errors).ErrorMessage);
    }
}
