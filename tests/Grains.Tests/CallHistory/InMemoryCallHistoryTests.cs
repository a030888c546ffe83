using Provisioning.Grains.CallHistory;
using Provisioning.Grains.Instances;
using Provisioning.Testing;

namespace Provisioning.Grains.Tests.CallHistory;

public sealed class InMemoryCallHistoryTests : CallHistoryContract
{
    protected override Task<ICallHistory> CreateAsync() => Task.FromResult<ICallHistory>(new InMemoryCallHistory());

    [Fact]
    public async Task An_instance_keeps_only_its_newest_calls()
    {
        var history = new InMemoryCallHistory();
        var instance = NewInstance();
        var extra = 5;

        await history.AppendAsync([.. Enumerable.Range(0, InMemoryCallHistory.MaxPerInstance + extra).Select(i => Entry(instance, T0.AddSeconds(i)))], CancellationToken.None);

        var kept = await history.ReadAsync(new InstanceAddress(instance, Traffic.Live), InMemoryCallHistory.MaxPerInstance + extra, null, CancellationToken.None);
        Assert.Equal(InMemoryCallHistory.MaxPerInstance, kept.Count);
        Assert.Equal(T0.AddSeconds(InMemoryCallHistory.MaxPerInstance + extra - 1), kept[0].Entry.At);
        Assert.Equal(T0.AddSeconds(extra), kept[^1].Entry.At);
    }
}
