using System.Collections.Concurrent;
using Provisioning.Grains.Licenses;

namespace Provisioning.Testing;

/// <summary>
/// The marketplace's activation code open APIs as a test host sees them. Silo configurators cannot capture test instances, so
/// each test scripts the answers for its own unique codes here; a code without a script is alive for a year from the first call.
/// Every call is counted per code.
/// </summary>
public sealed class ScriptedActivationCodes(TimeProvider clock) : IActivationCodeMarketplace
{
    private static readonly ConcurrentDictionary<string, Func<CodeCheck>> Activations = new();
    private static readonly ConcurrentDictionary<string, Func<CodeCheck>> Queries = new();
    private static readonly ConcurrentDictionary<string, Func<UsageReportResult>> Reports = new();
    private static readonly ConcurrentDictionary<string, int> ActivationCalls = new();
    private static readonly ConcurrentDictionary<string, int> QueryCalls = new();
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<CodeUsage>> Reported = new();

    public static string NewCode() => "PL" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();

    public static void ScriptActivation(string code, Func<CodeCheck> answer) => Activations[code] = answer;

    public static void ScriptQuery(string code, Func<CodeCheck> answer) => Queries[code] = answer;

    public static void ScriptUsage(string code, Func<UsageReportResult> answer) => Reports[code] = answer;

    public static int ActivationsOf(string code) => ActivationCalls.GetValueOrDefault(code);

    public static int QueriesOf(string code) => QueryCalls.GetValueOrDefault(code);

    public static IReadOnlyList<CodeUsage> UsageOf(string code) => Reported.TryGetValue(code, out var usage) ? [.. usage] : [];

    public static CodeCheck Alive(DateTimeOffset expiresAt, DateTimeOffset? activatedAt = null) =>
        new(CodeCheckOutcome.Alive, "92020000", "success", expiresAt, activatedAt, "00301-123456-0--0", "CS2403171442ABCDE", 2);

    public static CodeCheck Answer(CodeCheckOutcome outcome, string resultCode, DateTimeOffset? expiresAt = null) =>
        new(outcome, resultCode, outcome.ToString(), expiresAt);

    public static CodeCheck Unreachable() => new(CodeCheckOutcome.Unavailable, "", "no answer");

    public Task<CodeCheck> ActivateAsync(string code, DateTimeOffset? effectiveAt, CancellationToken cancellationToken)
    {
        ActivationCalls.AddOrUpdate(code, 1, (_, n) => n + 1);
        return Task.FromResult(Activations.TryGetValue(code, out var answer) ? answer() : Alive(clock.GetUtcNow().AddYears(1)));
    }

    public Task<CodeCheck> QueryAsync(string code, CancellationToken cancellationToken)
    {
        QueryCalls.AddOrUpdate(code, 1, (_, n) => n + 1);
        return Task.FromResult(Queries.TryGetValue(code, out var answer) ? answer() : Alive(clock.GetUtcNow().AddYears(1)));
    }

    public Task<UsageReportResult> ReportUsageAsync(IReadOnlyList<CodeUsage> usage, CancellationToken cancellationToken)
    {
        foreach (var entry in usage) Reported.GetOrAdd(entry.Code, _ => new()).Enqueue(entry);
        var code = usage[0].Code;
        return Task.FromResult(Reports.TryGetValue(code, out var answer) ? answer() : new UsageReportResult(true, false, "92020000", "success", []));
    }
}
