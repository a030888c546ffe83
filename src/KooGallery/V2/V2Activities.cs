namespace Provisioning.KooGallery.V2;

/// <summary>Values of the <c>activity</c> field of a V2 request body (spec §2).</summary>
public static class V2Activities
{
    public const string NewInstance = "newInstance";
    public const string QueryInstance = "queryInstance";
    public const string RefreshInstance = "refreshInstance";
    public const string UpdateInstanceStatus = "updateInstanceStatus";
    public const string ReleaseInstance = "releaseInstance";
    public const string UpgradeInstance = "upgradeInstance";
    public const string ChangeInstanceCheck = "changeInstanceCheck";

    /// <summary>The online License's application (license §C.1), on the same address and key.</summary>
    public const string GetLicenseAsync = "getLicenseAsync";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(
        [NewInstance, QueryInstance, RefreshInstance, UpdateInstanceStatus, ReleaseInstance, UpgradeInstance, ChangeInstanceCheck, GetLicenseAsync]);
}
