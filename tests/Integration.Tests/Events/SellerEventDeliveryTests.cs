using Npgsql;
using Provisioning.Grains.Events;
using Provisioning.Infrastructure.Postgres;
using Provisioning.Infrastructure.SellerApplication;
using Provisioning.Integration.Tests.Postgres;
using Provisioning.Testing;
using Answer = Provisioning.Integration.Tests.Events.SellerApplicationReceiver.Answer;

namespace Provisioning.Integration.Tests.Events;

/// <summary>
/// Two silos' dispatchers deliver one PostgreSQL outbox to a real HTTP application that checks every signature, fails,
/// answers late and drops connections: every event still arrives, in order per stream, under one id and one body.
/// </summary>
public sealed class SellerEventDeliveryTests : IAsyncLifetime
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private NpgsqlDataSource _database = null!;
    private SellerApplicationReceiver _application = null!;

    public async Task InitializeAsync()
    {
        _database = NpgsqlDataSource.Create(await PostgresServer.CreateMigratedDatabaseAsync("delivery"));
        _application = await SellerApplicationReceiver.StartAsync(Secret, lateBy: TimeSpan.FromSeconds(1));
    }

    public async Task DisposeAsync()
    {
        await _application.DisposeAsync();
        await _database.DisposeAsync();
    }

    private SellerApplicationOptions Options(TimeSpan? deadLetterAfter = null, TimeSpan? requestTimeout = null, TimeSpan? leaseDuration = null) => new()
    {
        EventsUrl = _application.Url,
        SigningSecret = Secret,
        RequestTimeout = requestTimeout ?? TimeSpan.FromMilliseconds(400),
        LeaseDuration = leaseDuration ?? TimeSpan.FromSeconds(2),
        PollPeriod = TimeSpan.FromMilliseconds(50),
        RetryDelay = TimeSpan.FromMilliseconds(50),
        MaxRetryDelay = TimeSpan.FromMilliseconds(200),
        DeadLetterAfter = deadLetterAfter ?? TimeSpan.FromDays(1),
        MaxConcurrentDeliveries = 4,
    };

    private static string Stream(int i) => $"tenant:live/stream-{i}";

    private Task EnqueueAsync(IReadOnlyList<SellerEvent> events) =>
        new PostgresSellerEventOutbox(_database, new SellerEventNudge()).EnqueueAsync(events, CancellationToken.None);

    private async Task<long> CountAsync(string where)
    {
        await using var command = _database.CreateCommand($"SELECT count(*) FROM seller_event_outbox WHERE {where}");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Every_event_arrives_in_order_per_stream_with_one_id_and_body_despite_failures_late_answers_and_dropped_connections()
    {
        var events = Enumerable.Range(0, 6).SelectMany(n => Enumerable.Range(0, 5).Select(s => SellerEventOutboxContract.Event(Stream(s)))).ToArray();
        var faults = new[] { Answer.Fail, Answer.Late, Answer.Drop, Answer.Fail };
        // Every other event is refused, answered late or dropped on its first two deliveries, by turns.
        _application.Plan = (id, attempt) =>
        {
            var index = Array.FindIndex(events, e => e.EventId == id);
            return index % 2 == 1 && attempt <= 2 ? faults[(index / 2 + attempt) % faults.Length] : Answer.Accept;
        };

        await using (var first = await Deliverer.StartAsync(_database, Options()))
        await using (var second = await Deliverer.StartAsync(_database, Options()))
        {
            await EnqueueAsync(events);
            await Eventually.True(() => _application.Taken.Select(a => a.EventId).Distinct().Count() == events.Length,
                "the application took every event", TimeSpan.FromSeconds(60));
        }

        Assert.Equal(0, _application.BadSignatures);
        for (var s = 0; s < 5; s++)
        {
            var stream = Stream(s);
            Assert.Equal(events.Where(e => e.Stream == stream).Select(e => e.EventId), _application.FirstTaken(a => a.Data.GetProperty("stream").GetString() == stream));
        }

        Assert.All(_application.Requests.GroupBy(r => r.EventId), delivery => Assert.Single(delivery.Select(r => r.Body).Distinct()));
        Assert.Contains(_application.Requests.GroupBy(r => r.EventId), delivery => delivery.Count() >= 3);
        Assert.Equal(events.Length, await CountAsync("delivered_at IS NOT NULL"));
    }

    [Fact]
    public async Task An_event_failing_past_its_age_is_dead_lettered_its_stream_moves_on_and_a_redrive_delivers_it()
    {
        SellerEvent[] stuck = [SellerEventOutboxContract.Event(Stream(0)), SellerEventOutboxContract.Event(Stream(0))];
        var other = SellerEventOutboxContract.Event(Stream(1));
        var refuse = true;
        _application.Plan = (id, _) => refuse && id == stuck[0].EventId ? Answer.Fail : Answer.Accept;
        var operations = new PostgresSellerEventOperations(_database, new SellerEventNudge());

        await using var deliverer = await Deliverer.StartAsync(_database, Options(deadLetterAfter: TimeSpan.FromSeconds(1)));
        await EnqueueAsync([.. stuck, other]);

        await Eventually.True(() => _application.Taken.Any(a => a.EventId == other.EventId), "the other stream's event arrived", TimeSpan.FromSeconds(5));
        Assert.DoesNotContain(_application.Taken, a => a.EventId == stuck[1].EventId);
        await Eventually.True(() => _application.Taken.Any(a => a.EventId == stuck[1].EventId), "the stuck stream moved on past its dead letter", TimeSpan.FromSeconds(10));
        var dead = Assert.Single(await operations.DeadLettersAsync(0, 10, CancellationToken.None));
        Assert.Equal((stuck[0].EventId, "HTTP 500"), (dead.EventId, dead.LastError));
        Assert.True(dead.Attempts >= 2, $"retried before it was given up ({dead.Attempts} attempts)");

        refuse = false;
        Assert.Equal(1, await operations.RedriveAsync(stuck[0].EventId, DateTimeOffset.UtcNow, CancellationToken.None));

        await Eventually.True(() => _application.Taken.Any(a => a.EventId == stuck[0].EventId), "the re-driven event arrived", TimeSpan.FromSeconds(5));
        // The dispatcher records a delivery after the application has answered it.
        await Eventually.True(async () => await CountAsync("delivered_at IS NOT NULL") == 3, "all three events are recorded as delivered", TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_stopping_silo_releases_the_event_it_was_delivering_so_another_silo_delivers_it_at_once()
    {
        var options = Options(requestTimeout: TimeSpan.FromSeconds(30), leaseDuration: TimeSpan.FromMinutes(1));
        var held = SellerEventOutboxContract.Event(Stream(0));
        _application.AcceptAfter = TimeSpan.FromSeconds(20);
        await EnqueueAsync([held]);

        await using (var stopping = await Deliverer.StartAsync(_database, options))
        {
            await Eventually.True(() => _application.Requests.Any(r => r.EventId == held.EventId), "the delivery is in flight", TimeSpan.FromSeconds(5));
        }

        Assert.Equal(1, await CountAsync("leased_until IS NULL AND attempts = 0 AND delivered_at IS NULL"));
        _application.AcceptAfter = TimeSpan.Zero;
        await using var successor = await Deliverer.StartAsync(_database, options);
        // Well within the minute the lease would have held it.
        await Eventually.True(() => _application.Taken.Any(a => a.EventId == held.EventId), "the other silo delivered the event", TimeSpan.FromSeconds(10));
    }
}
