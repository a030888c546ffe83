namespace Provisioning.KooGallery.Login;

/// <summary>
/// An application's credential at one tenant's auth center, from applicationSync: <c>clientId</c> and the
/// <c>clientSecret</c> after RSA decryption (the auth center takes the plaintext, kit §D.2).
/// </summary>
public sealed record TenantClientCredentials(string ClientId, string ClientSecret)
{
    /// <summary>The client id only; the secret never shows.</summary>
    public override string ToString() => $"{nameof(TenantClientCredentials)} {{ {nameof(ClientId)} = {ClientId}, {nameof(ClientSecret)} = *** }}";
}
