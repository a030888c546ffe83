using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Provisioning.Grains.Events;
using StandardWebhooks;

namespace Provisioning.Infrastructure.SellerApplication;

/// <summary>
/// Delivers the outbox to the seller's application, on every silo: it leases the due head of up to
/// <see cref="SellerApplicationOptions.MaxConcurrentDeliveries"/> streams, POSTs each (signed, the event id as
/// <c>webhook-id</c>), and records a 2xx as delivered and anything else as a failure to retry with backoff, or, once the
/// event is older than <see cref="SellerApplicationOptions.DeadLetterAfter"/>, as a dead letter. A stream's next event is
/// due only once its head is delivered or dead, so a failing stream waits alone while the others go on.
/// </summary>
internal sealed class SellerEventDispatcher(
    ISellerEventDelivery outbox,
    SellerEventNudge nudge,
    IHttpClientFactory clients,
    IOptions<SellerApplicationOptions> options,
    SellerEventMetrics metrics,
    TimeProvider clock,
    ILogger<SellerEventDispatcher> logger) : BackgroundService
{
    public const string HttpClientName = "SellerApplication.Events";

    // Delivered events are pruned at most this often (and at once at start).
    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(1);

    // A stop must not wait long on the database for what the lease does anyway.
    private static readonly TimeSpan ReleaseTimeout = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (o.EventsUrl is not { } url) return;
        var signer = o.CreateSigner();
        var http = clients.CreateClient(HttpClientName);
        var inFlight = new List<Task>();
        Task? wake = null;
        var nextPrune = DateTimeOffset.MinValue;

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var now = clock.GetUtcNow();
                if (now >= nextPrune)
                {
                    await outbox.PruneAsync(now - o.RetainDelivered, stoppingToken);
                    nextPrune = now + PruneEvery;
                }

                var free = o.MaxConcurrentDeliveries - inFlight.Count;
                if (free > 0)
                {
                    var due = await outbox.LeaseDueAsync(now, now + o.LeaseDuration, free, stoppingToken);
                    inFlight.AddRange(due.Select(e => DeliverAsync(http, signer, url, e, o, stoppingToken)));
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Reading the seller event outbox failed; trying again in {PollPeriod}", o.PollPeriod);
            }

            // Look again when a delivery ends (its stream's next event is due), when an event is recorded here, or at the poll.
            wake ??= nudge.WaitAsync(o.PollPeriod, stoppingToken);
            var woke = await Task.WhenAny([wake, .. inFlight]);
            if (woke == wake) wake = null;
            inFlight.RemoveAll(t => t.IsCompleted);
        }

        await Task.WhenAll(inFlight);
    }

    private async Task DeliverAsync(HttpClient http, StandardWebhook signer, Uri url, DueEvent e, SellerApplicationOptions o, CancellationToken stoppingToken)
    {
        var started = Stopwatch.GetTimestamp();
        string? error;
        try
        {
            // The webhook-timestamp is the time of sending (receivers refuse old ones as replays); the body keeps the event's own time.
            using var response = await SignedPost.SendAsync(http, signer, url, e.EventId, clock.GetUtcNow(), SellerEventBody.Of(e), stoppingToken);
            error = response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await ReleaseAsync(e);
            return;
        }
        catch (OperationCanceledException)
        {
            error = $"No answer within {o.RequestTimeout.TotalSeconds:0.###} s";
        }
        catch (HttpRequestException x)
        {
            error = $"Connection failed ({x.HttpRequestError})";
        }
        catch (Exception x)
        {
            error = $"Sending failed ({x.GetType().Name})";
        }

        var took = Stopwatch.GetElapsedTime(started);
        var now = clock.GetUtcNow();
        try
        {
            if (error is null)
            {
                await outbox.DeliveredAsync(e, now, CancellationToken.None);
                metrics.Delivered(took);
                logger.LogDebug("Event {EventId} ({Type}) of {Stream} delivered in {Elapsed} ms", e.EventId, e.Type, e.Stream, (int)took.TotalMilliseconds);
            }
            else if (RetrySchedule.IsDead(e.AttemptsSince, now, o.DeadLetterAfter))
            {
                await outbox.DeadAsync(e, error, now, CancellationToken.None);
                metrics.Dead(took);
                logger.LogError(
                    "Event {EventId} ({Type}) of {Stream} dead-lettered after {Attempts} attempts: {Error}; its stream moves on, POST /api/webhooks/dead-letters/{EventId}/redrive sends it again",
                    e.EventId, e.Type, e.Stream, e.Attempts + 1, error, e.EventId);
            }
            else
            {
                var delay = RetrySchedule.Delay(e.Attempts + 1, o.RetryDelay, o.MaxRetryDelay);
                await outbox.FailedAsync(e, error, now + delay, CancellationToken.None);
                metrics.Failed(took);
                logger.LogWarning(
                    "Delivering event {EventId} ({Type}) of {Stream} failed (attempt {Attempts}): {Error}; next attempt in {Delay}",
                    e.EventId, e.Type, e.Stream, e.Attempts + 1, error, delay);
            }
        }
        catch (Exception x)
        {
            // The lease runs out and the event is delivered again, under the same id.
            logger.LogWarning(x, "Recording the delivery of event {EventId} of {Stream} failed", e.EventId, e.Stream);
        }
    }

    // Stopping: another silo may deliver the event again at once, under the same id, instead of after the lease.
    private async Task ReleaseAsync(DueEvent e)
    {
        using var bounded = new CancellationTokenSource(ReleaseTimeout);
        try
        {
            await outbox.ReleaseAsync(e, bounded.Token);
        }
        catch (Exception x)
        {
            logger.LogInformation(x, "Releasing event {EventId} of {Stream} on stop failed; it is delivered again once its lease ends", e.EventId, e.Stream);
        }
    }
}
