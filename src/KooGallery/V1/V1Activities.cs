namespace Provisioning.KooGallery.V1;

/// <summary>Values of the V1 <c>activity</c> query parameter (spec §1).</summary>
public static class V1Activities
{
    public const string NewInstance = "newInstance";
    public const string RefreshInstance = "refreshInstance";
    public const string ExpireInstance = "expireInstance";
    public const string ReleaseInstance = "releaseInstance";
    public const string Upgrade = "upgrade";
    public const string InstanceStatus = "instanceStatus";
    public const string QueryInstance = "queryInstance";

    public static readonly IReadOnlySet<string> All =
        new HashSet<string>([NewInstance, RefreshInstance, ExpireInstance, ReleaseInstance, Upgrade, InstanceStatus, QueryInstance]);
}
