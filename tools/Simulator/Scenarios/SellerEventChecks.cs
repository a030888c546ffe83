using System.Diagnostics;
using Provisioning.SellerApplication;

namespace Provisioning.Simulator.Scenarios;

/// <summary>
/// What the seller's application must have received, read from the fake seller application: every applied transition of a
/// stream exactly once after dedupe by id, in the order applied, signed correctly, each id always with the same content.
/// </summary>
public static class SellerEventChecks
{
    /// <summary>How long the events of a scenario may take to arrive, retries with backoff included.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    // Once the expected number arrived, how long to go on listening for an event too many.
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>The option the seller event scenarios need.</summary>
    internal const string Option = "--seller-app or --seller-app-port";

    /// <summary>
    /// Waits until <paramref name="stream"/> holds as many events as expected (at most <see cref="Patience"/>), then checks them
    /// with <see cref="Judge"/> and <paramref name="also"/>.
    /// </summary>
    internal static Task Arrived(
        ScenarioPlay play, FakeSellerApplicationControl app, string stream, IReadOnlyList<string> expected, Func<InboxSnapshot, string?>? also = null) =>
        play.Check($"seller app: {string.Join(", ", expected)} each once, in order", async () =>
        {
            var snapshot = await WaitFor(app, stream, expected.Count);
            return Judge(snapshot, stream, expected) ?? also?.Invoke(snapshot);
        });

    /// <summary>Why what the app received for <paramref name="stream"/> is not exactly <paramref name="expected"/>, or null.</summary>
    public static string? Judge(InboxSnapshot snapshot, string stream, IReadOnlyList<string> expected)
    {
        var events = snapshot.Stream(stream);
        var types = events.Select(e => e.Type).ToList();
        if (!types.SequenceEqual(expected))
        {
            var waited = types.Count < expected.Count ? $" after {Patience.TotalSeconds:0} s" : "";
            return $"{stream} received [{string.Join(", ", types)}]{waited}, expected [{string.Join(", ", expected)}]";
        }

        if (snapshot.OutOfOrder.FirstOrDefault(v => v.Stream == stream) is { } late)
        {
            return $"event {late.Id} of {stream} has version {late.Version}, after version {late.AfterVersion}";
        }

        if (snapshot.Conflicts.FirstOrDefault(id => events.Any(e => e.Id == id)) is { } conflict)
        {
            return $"event {conflict} was delivered again with another type or data";
        }

        return snapshot.Refused is { Total: > 0 } refused
            ? $"the app refused {refused.Total} deliveries: {refused.MissingHeaders} without the webhook headers, {refused.Stale} stale, {refused.BadSignature} badly signed, {refused.Malformed} not an event"
            : null;
    }

    /// <summary>Why the event of <paramref name="type"/> was not delivered at least <paramref name="times"/> times under its one id, or null.</summary>
    public static string? RedeliveredUnderItsId(InboxSnapshot snapshot, string stream, string type, int times) =>
        snapshot.Stream(stream).FirstOrDefault(e => e.Type == type) is not { } taken ? $"no {type} in {stream}"
        : taken.Deliveries < times ? $"{type} {taken.Id} was delivered {taken.Deliveries} times under its id, expected at least {times} (the faults hit other events)"
        : null;

    /// <summary>Polls <paramref name="check"/> until it passes or <see cref="Patience"/> runs out; answers its last reason.</summary>
    internal static async Task<string?> Eventually(Func<Task<string?>> check)
    {
        var clock = Stopwatch.StartNew();
        var failure = await check();
        while (failure is not null && clock.Elapsed < Patience)
        {
            await Task.Delay(PollInterval);
            failure = await check();
        }

        return failure;
    }

    private static async Task<InboxSnapshot> WaitFor(FakeSellerApplicationControl app, string stream, int count)
    {
        await Eventually(async () => (await app.Events()).Stream(stream).Count >= count ? null : "not yet");
        await Task.Delay(Settle);
        return await app.Events();
    }
}
