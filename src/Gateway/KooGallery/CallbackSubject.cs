using Provisioning.Grains.Instances;

namespace Provisioning.Gateway.KooGallery;

/// <summary>
/// What one marketplace callback is about, as its log line names it: protocol, activity and traffic, and the order, instance
/// and tenant as soon as the request names them (a derived instance id once it is known).
/// </summary>
internal sealed class CallbackSubject(string protocol, string? activity, Traffic traffic)
{
    public string Protocol { get; } = protocol;

    public string? Activity { get; } = activity;

    public Traffic Traffic { get; } = traffic;

    public string? OrderId { get; set; }

    public string? InstanceId { get; set; }

    public string? TenantId { get; set; }
}
