namespace Provisioning.KooGallery.Kit;

/// <summary>What a Kit sync asks for, from its <c>flag</c> field; which values a request allows depends on it and its generation.</summary>
public enum SyncFlag
{
    /// <summary>Remove; must succeed when already gone.</summary>
    Delete = 0,

    /// <summary>Create, or update when it already exists.</summary>
    Add = 1,

    /// <summary>Change attributes (tenant: name and domainName only).</summary>
    Modify = 2,

    /// <summary>V2 authSync: revoke the app grant but keep the user record (Kit spec A-18).</summary>
    CancelAuthorization = 3,
}
