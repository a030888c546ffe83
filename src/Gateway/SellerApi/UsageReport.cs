using System.Globalization;
using Provisioning.Grains.Usage;

namespace Provisioning.Gateway.SellerApi;

/// <summary>The body of <c>POST /api/usage</c>: a batch of usage events from the seller's application.</summary>
public sealed record UsageReport(IReadOnlyList<ReportedEvent?>? Events);

/// <summary>
/// One reported event as sent; every field is checked here or by the instance's meter, and a bad one rejects only its event.
/// <c>occurredAt</c> is ISO 8601 with a UTC offset, e.g. <c>2026-11-28T10:15:00Z</c>.
/// </summary>
public sealed record ReportedEvent(string? EventId, string? InstanceId, decimal? Quantity, string? OccurredAt, string? Package)
{
    private const int MaxInstanceIdLength = 64;

    /// <summary>The event for the instance's meter, or why it cannot be one.</summary>
    public (UsageEvent? Event, string? Problem) Read()
    {
        if (string.IsNullOrWhiteSpace(EventId)) return (null, "eventId is missing");
        if (string.IsNullOrWhiteSpace(InstanceId)) return (null, "instanceId is missing");
        if (InstanceId.Length > MaxInstanceIdLength) return (null, $"instanceId is longer than {MaxInstanceIdLength} characters");
        if (InstanceId.Any(char.IsControl)) return (null, "instanceId contains control characters");
        if (Quantity is not { } quantity) return (null, "quantity is missing");
        if (string.IsNullOrWhiteSpace(OccurredAt)) return (null, "occurredAt is missing");
        if (!DateTimeOffset.TryParse(OccurredAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var occurredAt) || !HasOffset(OccurredAt))
        {
            return (null, $"occurredAt '{OccurredAt}' is not an ISO 8601 time with a UTC offset, e.g. 2026-11-28T10:15:00Z");
        }

        return (new UsageEvent(EventId, quantity, occurredAt.ToUniversalTime(), string.IsNullOrEmpty(Package) ? null : Package), null);
    }

    private static bool HasOffset(string time) =>
        time.EndsWith('Z') || time.EndsWith('z') || (time.Length > 6 && time[^6] is '+' or '-' && time[^3] == ':');
}
