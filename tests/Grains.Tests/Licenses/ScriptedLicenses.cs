using System.Collections.Concurrent;
using Provisioning.Grains.Licenses;

namespace Provisioning.Grains.Tests.Licenses;

/// <summary>
/// The License issuer as the test silo sees it: each License names its event, device and how many times it was issued, so a
/// re-issue shows. Keyed by event id, since silo configurators cannot capture test instances.
/// </summary>
public sealed class ScriptedIssuer : ILicenseIssuer
{
    private static readonly ConcurrentDictionary<string, int> Issued = new();
    private static readonly ConcurrentDictionary<string, int> Failures = new();
    private static readonly ConcurrentDictionary<string, LicenseTerms> Terms = new();

    public static int IssuedFor(string eventId) => Issued.GetValueOrDefault(eventId);

    public static LicenseTerms? TermsFor(string eventId) => Terms.GetValueOrDefault(eventId);

    /// <summary>Makes the first <paramref name="count"/> issues for the event fail.</summary>
    public static void FailFirst(string eventId, int count) => Failures[eventId] = count;

    public ValueTask<string> IssueAsync(LicenseTerms terms, CancellationToken cancellationToken)
    {
        var eventId = terms.EventId!;
        if (Failures.TryGetValue(eventId, out var left) && left > 0)
        {
            Failures[eventId] = left - 1;
            throw new InvalidOperationException("the licensing server is down");
        }

        Terms[eventId] = terms;
        var n = Issued.AddOrUpdate(eventId, 1, (_, count) => count + 1);
        return ValueTask.FromResult($"LIC-{eventId}-{n}");
    }
}

/// <summary>The marketplace's upload as the test silo sees it: scripted answers per event, and every License it was handed.</summary>
public sealed class ScriptedUploads : ILicenseUploader
{
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<UploadResult>> Scripts = new();
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<string>> Received = new();

    /// <summary>Answers the event's next uploads with these, then takes them.</summary>
    public static void Script(string eventId, params UploadResult[] answers) => Scripts[eventId] = new ConcurrentQueue<UploadResult>(answers);

    public static IReadOnlyList<string> UploadsFor(string eventId) => Received.TryGetValue(eventId, out var all) ? [.. all] : [];

    public Task<UploadResult> UploadAsync(string eventId, string license, CancellationToken cancellationToken)
    {
        Received.GetOrAdd(eventId, _ => new ConcurrentQueue<string>()).Enqueue(license);
        return Task.FromResult(Scripts.TryGetValue(eventId, out var answers) && answers.TryDequeue(out var answer)
            ? answer
            : new UploadResult(UploadOutcome.Uploaded, "CBC.0000"));
    }
}
