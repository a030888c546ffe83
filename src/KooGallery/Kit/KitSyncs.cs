namespace Provisioning.KooGallery.Kit;

/// <summary>The Kit interfaces, the last segment of their path (Kit spec §A): <c>{BasePath}/produceAPI[/v2]/{sync}</c>.</summary>
public static class KitSyncs
{
    public const string TenantSync = "tenantSync";
    public const string ApplicationSync = "applicationSync";
    public const string AuthSync = "authSync";
    public const string SingleOrgSync = "singleOrgSync";
    public const string AllOrgSync = "allOrgSync";

    public static readonly IReadOnlySet<string> All = new HashSet<string>([TenantSync, ApplicationSync, AuthSync, SingleOrgSync, AllOrgSync]);
}
