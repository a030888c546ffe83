using Provisioning.Grains.Instances;
using Provisioning.KooGallery;

namespace Provisioning.Gateway.KooGallery;

/// <summary>
/// What one marketplace callback is about, as its log line names it: protocol, activity and traffic, and the order, instance
/// and tenant as soon as the request names them (a derived instance id once it is known), and whether it was authentic:
/// only an authentic call enters the history of the instances it touched.
/// </summary>
internal sealed class CallbackSubject(string protocol, string? activity, Traffic traffic)
{
    /// <summary>The longest id or activity a log line or history entry shows whole (the protocols' ids are at most this long).</summary>
    public const int MaxShownId = 64;

    public string Protocol { get; } = protocol;

    public string? Activity { get; } = activity;

    public Traffic Traffic { get; } = traffic;

    public string? OrderId { get; set; }

    public string? InstanceId { get; set; }

    public string? TenantId { get; set; }

    /// <summary>Every instance a call names when it names several (<c>queryInstance</c>); otherwise null.</summary>
    public IReadOnlyList<string>? InstanceIds { get; set; }

    /// <summary>Whether the call proved to come from the marketplace.</summary>
    public bool Authenticated { get; set; }

    /// <summary>The instances the call touched: those it names, or the one it opened.</summary>
    public IReadOnlyList<string> Touched =>
        InstanceIds is { } several ? [.. several.Distinct(StringComparer.Ordinal)] : string.IsNullOrEmpty(InstanceId) ? [] : [InstanceId];

    /// <summary>A sender's id or activity (its own text until authenticated) as log lines and the history show it: short, and <c>-</c> when absent.</summary>
    public static string Shown(string? id) => string.IsNullOrEmpty(id) ? "-" : QuotedText.Shorten(id, MaxShownId);
}
