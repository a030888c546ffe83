using Provisioning.Grains.Events;
using Provisioning.Grains.Instances;
using Provisioning.Infrastructure.Postgres;

namespace Provisioning.Infrastructure.Tests.Postgres;

public sealed class ProjectionGroupCommitTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static ProjectedInstance Row(string id, long version) => new(
        new InstanceView(id, Traffic.Live, InstanceStatus.Active, "p", "s", ChargingMode.Periodic, false, "c", "o", "o", null, T0, T0, version), null, (int)version);

    private static SellerEvent Event(string id) => new(id, "instance:live/x", "instance.opened", T0, Traffic.Live, "{}");

    private sealed class HeldWrites
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _firstStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<(IReadOnlyList<ProjectedInstance> Rows, IReadOnlyList<SellerEvent> Events)> Writes { get; } = [];

        public Exception? Failure { get; set; }

        public async Task WriteAsync(IReadOnlyList<ProjectedInstance> rows, IReadOnlyList<SellerEvent> events, CancellationToken cancellationToken)
        {
            lock (Writes) Writes.Add((rows, events));
            _firstStarted.TrySetResult();
            await _release.Task;
            if (Failure is { } failure) throw failure;
        }

        public async Task<Task> HoldFirstWriteAsync(ProjectionGroupCommit commit)
        {
            var first = commit.ProjectAsync(Row("first", 1), [], CancellationToken.None);
            await _firstStarted.Task;
            return first;
        }

        public void Release() => _release.TrySetResult();
    }

    [Fact]
    public async Task Projections_that_queue_behind_a_write_share_the_next_transaction()
    {
        var writes = new HeldWrites();
        await using var commit = new ProjectionGroupCommit(writes.WriteAsync);
        var first = await writes.HoldFirstWriteAsync(commit);

        var queued = Enumerable.Range(0, 50).Select(i => commit.ProjectAsync(Row($"i-{i}", 1), [Event($"e-{i}")], CancellationToken.None)).ToList();
        writes.Release();
        await first;
        await Task.WhenAll(queued);

        Assert.Equal(2, writes.Writes.Count);
        Assert.Equal(50, writes.Writes[1].Rows.Count);
        Assert.Equal([.. Enumerable.Range(0, 50).Select(i => $"e-{i}")], writes.Writes[1].Events.Select(e => e.EventId));
    }

    [Fact]
    public async Task An_instance_queued_twice_is_written_once_at_its_newest_version_with_the_events_of_both()
    {
        var writes = new HeldWrites();
        await using var commit = new ProjectionGroupCommit(writes.WriteAsync);
        var first = await writes.HoldFirstWriteAsync(commit);

        var newer = commit.ProjectAsync(Row("i", 2), [Event("e-2")], CancellationToken.None);
        var older = commit.ProjectAsync(Row("i", 1), [Event("e-1")], CancellationToken.None);
        writes.Release();
        await Task.WhenAll(first, newer, older);

        Assert.Equal(2, Assert.Single(writes.Writes[1].Rows).View.Version);
        Assert.Equal(["e-2", "e-1"], writes.Writes[1].Events.Select(e => e.EventId));
    }

    [Fact]
    public async Task A_failed_write_fails_every_projection_in_it()
    {
        var writes = new HeldWrites { Failure = new InvalidOperationException("down") };
        await using var commit = new ProjectionGroupCommit(writes.WriteAsync);
        var first = await writes.HoldFirstWriteAsync(commit);
        var queued = commit.ProjectAsync(Row("i", 1), [], CancellationToken.None);

        writes.Release();

        await Assert.ThrowsAsync<InvalidOperationException>(() => first);
        await Assert.ThrowsAsync<InvalidOperationException>(() => queued);
    }
}
