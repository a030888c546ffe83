namespace Provisioning.Grains.Instances;

/// <summary>
/// The seller's application's answer to the provisioning hook: the access it created for the buyer. Each value is optional; what
/// it leaves out comes from the <c>Provisioning:Access</c> templates (see <see cref="InstanceAccessIssuer"/>).
/// </summary>
public sealed record ProvisionedTenant(string? FrontEndUrl, string? AdminUrl, string? UserName, string? Password)
{
    /// <inheritdoc />
    public override string ToString() => $"ProvisionedTenant {{ FrontEndUrl = {FrontEndUrl}, AdminUrl = {AdminUrl}, UserName = {UserName}, Password = *** }}";
}
