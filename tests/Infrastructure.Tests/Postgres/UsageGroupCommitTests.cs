using Provisioning.Grains.Usage;
using Provisioning.Infrastructure.Postgres;

namespace Provisioning.Infrastructure.Tests.Postgres;

public sealed class UsageGroupCommitTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 10, 15, 0, TimeSpan.Zero);

    private static UsageEvent Event(string id) => new(id, 1m, T0, null);

    [Fact]
    public async Task Appends_that_queue_behind_a_write_go_out_together_in_the_next_one()
    {
        var store = new HeldStore();
        await using var commit = new UsageGroupCommit(store.InsertAsync);
        var first = await store.HoldFirstWriteAsync(commit);

        var second = commit.AppendAsync("i-2", [Event("b"), Event("c")], CancellationToken.None);
        var third = commit.AppendAsync("i-3", [Event("d")], CancellationToken.None);
        store.Release();

        Assert.Equal([true], await first);
        Assert.Equal([true, true], await second);
        Assert.Equal([true], await third);
        Assert.Equal(2, store.Writes.Count);
        Assert.Equal([new("i-2", Event("b")), new("i-2", Event("c")), new InstanceEvent("i-3", Event("d"))], store.Writes[1]);
    }

    [Fact]
    public async Task An_id_two_callers_queue_together_is_written_once_and_is_new_only_for_the_first()
    {
        var store = new HeldStore();
        await using var commit = new UsageGroupCommit(store.InsertAsync);
        await store.HoldFirstWriteAsync(commit);

        var earlier = commit.AppendAsync("i-1", [Event("s"), Event("t"), Event("s")], CancellationToken.None);
        var later = commit.AppendAsync("i-2", [Event("s"), Event("u")], CancellationToken.None);
        store.Release();

        Assert.Equal([true, true, false], await earlier);
        Assert.Equal([false, true], await later);
        Assert.Equal([new("i-1", Event("s")), new("i-1", Event("t")), new InstanceEvent("i-2", Event("u"))], store.Writes[1]);
    }

    [Fact]
    public async Task A_failed_write_fails_every_caller_in_it_and_the_next_write_goes_ahead()
    {
        var store = new HeldStore();
        await using var commit = new UsageGroupCommit(store.InsertAsync);
        await store.HoldFirstWriteAsync(commit);

        var poisoned = commit.AppendAsync("i-1", [Event(HeldStore.Unwritable)], CancellationToken.None);
        var bystander = commit.AppendAsync("i-2", [Event("fine")], CancellationToken.None);
        store.Release();

        await Assert.ThrowsAsync<InvalidOperationException>(() => poisoned);
        await Assert.ThrowsAsync<InvalidOperationException>(() => bystander);
        Assert.Equal([true], await commit.AppendAsync("i-2", [Event("fine")], CancellationToken.None));
    }

    [Fact]
    public async Task An_append_cancelled_while_it_waits_for_its_write_is_not_written()
    {
        var store = new HeldStore();
        await using var commit = new UsageGroupCommit(store.InsertAsync);
        await store.HoldFirstWriteAsync(commit);
        using var cancellation = new CancellationTokenSource();

        var cancelled = commit.AppendAsync("i-1", [Event("gone")], cancellation.Token);
        await cancellation.CancelAsync();
        store.Release();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal([true], await commit.AppendAsync("i-1", [Event("gone")], CancellationToken.None));
    }

    [Fact]
    public async Task Disposing_writes_what_is_queued_and_then_refuses_appends()
    {
        var store = new HeldStore();
        var commit = new UsageGroupCommit(store.InsertAsync);
        await store.HoldFirstWriteAsync(commit);
        var queued = commit.AppendAsync("i-1", [Event("queued")], CancellationToken.None);

        var disposing = commit.DisposeAsync();
        store.Release();
        await disposing;

        Assert.Equal([true], await queued);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => commit.AppendAsync("i-1", [Event("late")], CancellationToken.None));
    }

    /// <summary>Records events in memory, and holds every write until released so that appends can queue behind the first.</summary>
    private sealed class HeldStore
    {
        public const string Unwritable = "unwritable";

        private readonly HashSet<string> _recorded = new(StringComparer.Ordinal);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _writing = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<IReadOnlyList<InstanceEvent>> Writes { get; } = [];

        /// <summary>Starts a first append and waits until its write is under way.</summary>
        public async Task<Task<IReadOnlyList<bool>>> HoldFirstWriteAsync(UsageGroupCommit commit)
        {
            var first = commit.AppendAsync("i-1", [Event("first")], CancellationToken.None);
            await _writing.Task;
            return first;
        }

        public void Release() => _released.TrySetResult();

        public async Task<IReadOnlySet<string>> InsertAsync(IReadOnlyList<InstanceEvent> events, CancellationToken cancellationToken)
        {
            Writes.Add(events);
            _writing.TrySetResult();
            await _released.Task;
            if (events.Any(e => e.Event.EventId == Unwritable)) throw new InvalidOperationException("the store refused the write");
            return events.Where(e => _recorded.Add(e.Event.EventId)).Select(e => e.Event.EventId).ToHashSet();
        }
    }
}
