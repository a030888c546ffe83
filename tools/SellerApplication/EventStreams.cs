namespace Provisioning.SellerApplication;

/// <summary>The streams events are ordered in, spelled as the backend spells them: one per instance, one per tenant.</summary>
public static class EventStreams
{
    /// <summary>The stream of an instance's events, e.g. <c>instance:live/&lt;instanceId&gt;</c>.</summary>
    public static string Instance(string instanceId, bool test = false) => Of("instance", instanceId, test);

    /// <summary>The stream of a tenant's events, e.g. <c>tenant:live/&lt;tenantId&gt;</c>.</summary>
    public static string Tenant(string tenantId, bool test = false) => Of("tenant", tenantId, test);

    internal static string Of(string kind, string id, bool test) => $"{kind}:{(test ? "test" : "live")}/{id}";
}
