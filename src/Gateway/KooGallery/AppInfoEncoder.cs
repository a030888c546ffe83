using Provisioning.Grains.Instances;
using Provisioning.KooGallery;
using Provisioning.KooGallery.Responses;

namespace Provisioning.Gateway.KooGallery;

/// <summary>Turns an instance's access into the wire's appInfo, encrypting the credentials with one protocol's key.</summary>
internal sealed class AppInfoEncoder(FieldCipher cipher)
{
    public string EncryptType { get; } = EncryptTypes.ToWire(cipher.Type);

    public AppInfo Encode(InstanceAccess access) =>
        new(access.FrontEndUrl, access.AdminUrl, Encrypt(access.UserName), Encrypt(access.Password), access.Memo);

    private string? Encrypt(string? credential) => credential is null ? null : cipher.Encrypt(credential);
}
