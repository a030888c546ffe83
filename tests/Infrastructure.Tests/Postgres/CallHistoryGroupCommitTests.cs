using Provisioning.Grains.CallHistory;
using Provisioning.Grains.Instances;
using Provisioning.Infrastructure.Postgres;

namespace Provisioning.Infrastructure.Tests.Postgres;

public sealed class CallHistoryGroupCommitTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    private static CallHistoryEntry Entry(string instanceId) =>
        new(instanceId, Traffic.Live, T0, "v1", "refreshInstance", "CS1", "000000", "success", 1.5, "0af7651916cd43dd8448eb211c80319c");

    [Fact]
    public async Task Appends_that_queue_behind_a_write_go_out_together_in_the_next_one()
    {
        var store = new HeldStore();
        await using var commit = new CallHistoryGroupCommit(store.InsertAsync);
        var first = await store.HoldFirstWriteAsync(commit);

        var second = commit.AppendAsync([Entry("i-2"), Entry("i-3")]);
        var third = commit.AppendAsync([Entry("i-4")]);
        store.Release();
        await Task.WhenAll(first, second, third);

        Assert.Equal(2, store.Writes.Count);
        Assert.Equal(["i-2", "i-3", "i-4"], store.Writes[1].Select(e => e.InstanceId));
    }

    [Fact]
    public async Task A_failed_write_fails_every_append_in_it_and_the_next_write_goes_ahead()
    {
        var store = new HeldStore();
        await using var commit = new CallHistoryGroupCommit(store.InsertAsync);
        await store.HoldFirstWriteAsync(commit);

        var poisoned = commit.AppendAsync([Entry(HeldStore.Unwritable)]);
        var bystander = commit.AppendAsync([Entry("i-2")]);
        store.Release();

        await Assert.ThrowsAsync<InvalidOperationException>(() => poisoned);
        await Assert.ThrowsAsync<InvalidOperationException>(() => bystander);
        await commit.AppendAsync([Entry("i-2")]);
        Assert.Equal(["i-2"], store.Writes[^1].Select(e => e.InstanceId));
    }

    [Fact]
    public async Task Disposing_writes_what_is_queued_and_then_refuses_appends()
    {
        var store = new HeldStore();
        var commit = new CallHistoryGroupCommit(store.InsertAsync);
        await store.HoldFirstWriteAsync(commit);
        var queued = commit.AppendAsync([Entry("queued")]);

        var disposing = commit.DisposeAsync();
        store.Release();
        await disposing;

        await queued;
        Assert.Equal(["queued"], store.Writes[^1].Select(e => e.InstanceId));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => commit.AppendAsync([Entry("late")]));
    }

    /// <summary>Records entries in memory, and holds every write until released so that appends can queue behind the first.</summary>
    private sealed class HeldStore
    {
        public const string Unwritable = "unwritable";

        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _writing = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<IReadOnlyList<CallHistoryEntry>> Writes { get; } = [];

        public async Task<Task> HoldFirstWriteAsync(CallHistoryGroupCommit commit)
        {
            var first = commit.AppendAsync([Entry("i-1")]);
            await _writing.Task;
            return first;
        }

        public void Release() => _released.TrySetResult();

        public async Task InsertAsync(IReadOnlyList<CallHistoryEntry> entries)
        {
            lock (Writes) Writes.Add([.. entries]);
            _writing.TrySetResult();
            await _released.Task;
            if (entries.Any(e => e.InstanceId == Unwritable)) throw new InvalidOperationException("the store refused the write");
        }
    }
}
