namespace Provisioning.SellerApplication;

/// <summary>What the provisioning hook answers about the tenant it created; every field optional. The password is never logged.</summary>
public sealed record AccessInfo(string? FrontEndUrl, string? AdminUrl, string? UserName, string? Password)
{
    /// <summary>Leaves the password out, so a record printed by mistake shows no secret.</summary>
    public override string ToString() => $"AccessInfo {{ FrontEndUrl = {FrontEndUrl}, AdminUrl = {AdminUrl}, UserName = {UserName} }}";
}

/// <summary>What the provisioning hook answers: the access info when one is set, otherwise an empty 204.</summary>
public sealed class ProvisioningAnswer
{
    private volatile AccessInfo? _access;

    /// <summary>The access info answered with every provisioning request, or null for an empty 204.</summary>
    public AccessInfo? Access
    {
        get => _access;
        set => _access = value;
    }
}
