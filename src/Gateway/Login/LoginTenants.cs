using Microsoft.Extensions.Options;
using Provisioning.Grains;
using Provisioning.Grains.Instances;
using Provisioning.Grains.Tenants;
using Provisioning.KooGallery.Kit;
using Provisioning.KooGallery.Login;

namespace Provisioning.Gateway.Login;

/// <summary>Finds what a login needs of a tenant (kit §D.1 step 3), refusing with the reason when something is missing.</summary>
public sealed class LoginTenants(IGrainFactory grains, IOptions<LoginOptions> options, IServiceProvider services)
{
    private readonly ClientSecretDecryptor? _decryptor = services.GetService<ClientSecretDecryptor>();

    /// <exception cref="LoginRefusedException">The tenant is unknown, has no usable auth center or no application credential.</exception>
    public async Task<LoginTenant> FindAsync(TenantAddress address)
    {
        var snapshot = await grains.GetTenant(address).Get();
        var namespaceText = address.Traffic == Traffic.Test ? " by test traffic" : "";
        if (snapshot?.DomainName is null)
        {
            throw new LoginRefusedException(LoginError.UnknownTenant, $"No tenantSync{namespaceText} named this tenant.");
        }

        if (!AuthCenterAddress.TryParse(snapshot.DomainName, out var authCenter, out var problem))
        {
            throw new LoginRefusedException(LoginError.AuthCenterInvalid, $"The tenant has no usable auth center: {problem}.");
        }

        return new LoginTenant(address, snapshot, authCenter, Application(snapshot));
    }

    /// <summary>The application credential with its secret decrypted (the auth center takes the plaintext, kit §D FAQ).</summary>
    /// <exception cref="LoginRefusedException">The secret does not decrypt, or no private key is configured.</exception>
    public TenantClientCredentials Credentials(LoginTenant tenant)
    {
        if (_decryptor is null)
        {
            throw new LoginRefusedException(LoginError.SecretUndecryptable,
                "The client secret cannot be decrypted: KooGallery:KitPrivateKey is not configured.");
        }

        if (!_decryptor.TryDecrypt(tenant.Application.EncryptedClientSecret, out var secret) || secret.Length == 0)
        {
            throw new LoginRefusedException(LoginError.SecretUndecryptable,
                $"The client secret of application {tenant.Application.AppId} does not decrypt with KooGallery:KitPrivateKey: "
                + "the public key given to KooGallery for the application credential must be this key's.");
        }

        return new TenantClientCredentials(tenant.Application.ClientId, secret);
    }

    private TenantApplication Application(TenantSnapshot snapshot)
    {
        var apps = snapshot.Applications;
        if (options.Value.AppId is { Length: > 0 } appId)
        {
            return apps.FirstOrDefault(a => a.AppId == appId)
                   ?? throw new LoginRefusedException(LoginError.NoAppCredentials, $"No applicationSync gave the tenant a client for application {appId} (Login:AppId).");
        }

        return apps.Count switch
        {
            1 => apps[0],
            0 => throw new LoginRefusedException(LoginError.NoAppCredentials, "No applicationSync gave the tenant a client id and secret."),
            _ => throw new LoginRefusedException(LoginError.NoAppCredentials,
                $"The tenant has clients for {apps.Count} applications ({string.Join(", ", apps.Select(a => a.AppId))}): set Login:AppId to the one logins use."),
        };
    }
}
