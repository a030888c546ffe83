using System.Buffers.Binary;
using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using Provisioning.Grains.CallHistory;

namespace Provisioning.Gateway.SellerApi;

/// <summary>A page of an instance's marketplace call history, newest first; <c>NextCursor</c> is null on the last page.</summary>
public sealed record CallHistoryPage(string InstanceId, bool Test, IReadOnlyList<CallView> Calls, string? NextCursor);

/// <summary>One marketplace call that touched the instance: when, what it asked and what it was answered.</summary>
public sealed record CallView(
    DateTimeOffset At, string Protocol, string Activity, string? OrderId, string ResultCode, string ResultMessage, double LatencyMs, string TraceId)
{
    public static CallView From(CallHistoryEntry e) => new(e.At, e.Protocol, e.Activity, e.OrderId, e.ResultCode, e.ResultMessage, e.LatencyMs, e.TraceId);
}

/// <summary>The opaque <c>cursor</c> of the history: the position of a page's last entry (its time and sequence), base64url.</summary>
public static class CallHistoryCursor
{
    private const int Bytes = 16;

    public static string Encode(CallHistoryPosition position)
    {
        Span<byte> bytes = stackalloc byte[Bytes];
        BinaryPrimitives.WriteInt64BigEndian(bytes, position.At.UtcTicks);
        BinaryPrimitives.WriteInt64BigEndian(bytes[8..], position.Sequence);
        return Base64Url.EncodeToString(bytes);
    }

    public static bool TryDecode(string cursor, [NotNullWhen(true)] out CallHistoryPosition? position)
    {
        position = null;
        Span<byte> bytes = stackalloc byte[Bytes];
        if (cursor.Length != Base64Url.GetEncodedLength(Bytes) || !Base64Url.TryDecodeFromChars(cursor, bytes, out var written) || written != Bytes) return false;

        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes);
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks) return false;
        position = new CallHistoryPosition(new DateTimeOffset(ticks, TimeSpan.Zero), BinaryPrimitives.ReadInt64BigEndian(bytes[8..]));
        return true;
    }
}
