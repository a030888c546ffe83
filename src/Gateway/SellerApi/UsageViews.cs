using System.Text.Json.Serialization;
using Provisioning.Grains.Usage;

namespace Provisioning.Gateway.SellerApi;

/// <summary>The answer to a usage report: counts, then one result per event in the order sent.</summary>
public sealed record UsageReportResult(int Accepted, int Duplicates, int Rejected, IReadOnlyList<EventResult> Results);

/// <summary>
/// What became of one event: <c>accepted</c> (durable and counted), <c>duplicate</c> (its eventId was recorded before; not
/// counted again) or <c>rejected</c> with the reason. <c>Index</c> is its position in the request.
/// </summary>
public sealed record EventResult(
    int Index,
    string? EventId,
    UsageEventStatus Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason);
