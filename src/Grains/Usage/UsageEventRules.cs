using Provisioning.Grains.Instances;

namespace Provisioning.Grains.Usage;

/// <summary>What makes a usage event acceptable for an instance, with a reason for the seller when it is not.</summary>
internal static class UsageEventRules
{
    public const int MaxEventIdLength = 128;

    public const int MaxPackageLength = 64;

    /// <summary>The largest value one marketplace record carries (Double(12,4)); larger hours are split across records.</summary>
    public const decimal MaxRecordValue = 99_999_999.9999m;

    /// <summary>Why <paramref name="usage"/> cannot be recorded for the instance, or null when it can.</summary>
    public static string? Problem(UsageEvent usage, string instanceId, UsageTerms? terms, DateTimeOffset now, UsageOptions options) =>
        EventProblem(usage, now, options) ?? TermsProblem(usage, instanceId, terms);

    private static string? EventProblem(UsageEvent usage, DateTimeOffset now, UsageOptions options) =>
        string.IsNullOrWhiteSpace(usage.EventId) ? "eventId is empty"
        : usage.EventId.Length > MaxEventIdLength ? $"eventId is longer than {MaxEventIdLength} characters"
        : usage.EventId.Any(char.IsControl) ? "eventId contains control characters"
        : usage.Quantity <= 0 ? $"quantity {usage.Quantity} is not above zero"
        : decimal.Round(usage.Quantity, 4) != usage.Quantity ? $"quantity {usage.Quantity} has more than 4 decimals"
        : usage.Quantity > MaxRecordValue ? $"quantity {usage.Quantity} is above {MaxRecordValue}"
        : usage.OccurredAt > now + options.MaxClockSkew ? $"occurredAt {usage.OccurredAt:O} is in the future"
        : UsageHours.Start(usage.OccurredAt) < now - options.MaxEventAge
            ? $"occurredAt {usage.OccurredAt:O} is too old: the marketplace takes usage of the last 21 days only, so events older than {options.MaxEventAge.TotalHours:0.#} hours are refused"
        : usage.Package is { Length: > MaxPackageLength } ? $"package is longer than {MaxPackageLength} characters"
        : usage.Package?.Any(char.IsControl) == true ? "package contains control characters"
        : null;

    private static string? TermsProblem(UsageEvent usage, string instanceId, UsageTerms? terms) =>
        terms is null ? $"instance {instanceId} is not known (never opened here)"
        : !terms.IsMetered ? $"instance {instanceId} is not pay-per-use (it is {terms.ChargingMode})"
        : terms.ChargingMode == ChargingMode.PayPerUsePackage && string.IsNullOrEmpty(usage.Package)
            ? $"instance {instanceId} is an on-demand package: name the package instance the usage is deducted from"
        : terms.ChargingMode == ChargingMode.PayPerUse && !string.IsNullOrEmpty(usage.Package)
            ? $"instance {instanceId} is plain pay-per-use: package is only for on-demand packages"
        : !terms.WasActiveAt(usage.OccurredAt)
            ? $"instance {instanceId} was not active at {usage.OccurredAt:O}: usage counts only while it is open and neither frozen nor released"
        : null;
}
