using System.Diagnostics.CodeAnalysis;
using Provisioning.Grains.Instances;
using Provisioning.KooGallery;
using Provisioning.KooGallery.Responses;

namespace Provisioning.Gateway.KooGallery;

/// <summary>Turns an instance's access into the wire's appInfo, encrypting the credentials with one protocol's key.</summary>
internal sealed class AppInfoEncoder(FieldCipher cipher)
{
    public string EncryptType { get; } = EncryptTypes.ToWire(cipher.Type);

    /// <summary>
    /// The appInfo, or why the access cannot be sent: instances opened before rendered values were checked may hold
    /// values over the marketplace's limits, and answering them must not fail for good.
    /// </summary>
    public bool TryEncode(string instanceId, InstanceAccess access, [NotNullWhen(true)] out AppInfo? appInfo, [NotNullWhen(false)] out string? problem)
    {
        if (AppInfoLimits.Violations(access.FrontEndUrl, access.AdminUrl, access.UserName, access.Password, access.Memo) is { } violations)
        {
            (appInfo, problem) = (null, $"instance {instanceId} holds access the marketplace cannot be sent: {violations}");
            return false;
        }

        (appInfo, problem) = (new AppInfo(access.FrontEndUrl, access.AdminUrl, Encrypt(access.UserName), Encrypt(access.Password), access.Memo), null);
        return true;
    }

    private string? Encrypt(string? credential) => credential is null ? null : cipher.Encrypt(credential);
}
