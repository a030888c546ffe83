using System.Collections.Concurrent;

namespace Provisioning.Marketplace.OpenApi;

/// <summary>A failure the fake plays on the next License upload.</summary>
public enum UploadFault
{
    /// <summary>HTTP 500 <c>CBC.0999</c>, nothing taken: the seller should upload the same License again.</summary>
    Error,

    /// <summary><c>91381037</c> (invalid License format), nothing taken: for good.</summary>
    Refuse,
}

/// <summary>What the fake was handed for one event: every License taken, in order, and the uploads it turned away.</summary>
public sealed record UploadTrace(IReadOnlyList<string> Licenses, int BadSignatures, int Refused);

/// <summary>The Licenses uploaded so far, per event id, and the upload faults still queued (played one per upload, in order).</summary>
public sealed class LicenseUploads
{
    private readonly ConcurrentDictionary<string, UploadTrace> _events = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<UploadFault> _faults = new();

    /// <summary>What was uploaded for <paramref name="eventId"/>, or null when nothing ever arrived for it.</summary>
    public UploadTrace? Trace(string eventId) => _events.GetValueOrDefault(eventId);

    /// <summary>Queues <paramref name="count"/> uploads to fail with <paramref name="fault"/>.</summary>
    public void Inject(UploadFault fault, int count)
    {
        for (var i = 0; i < count; i++) _faults.Enqueue(fault);
    }

    internal UploadFault? NextFault() => _faults.TryDequeue(out var fault) ? fault : null;

    internal void Take(string eventId, string license) =>
        Change(eventId, t => t with { Licenses = [.. t.Licenses, license] });

    internal void BadSignature(string eventId) => Change(eventId, t => t with { BadSignatures = t.BadSignatures + 1 });

    internal void Refuse(string eventId) => Change(eventId, t => t with { Refused = t.Refused + 1 });

    private void Change(string eventId, Func<UploadTrace, UploadTrace> change) =>
        _events.AddOrUpdate(eventId, _ => change(new UploadTrace([], 0, 0)), (_, trace) => change(trace));
}
