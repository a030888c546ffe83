using System.Text.Json;

namespace Provisioning.KooGallery.Kit;

/// <summary>
/// applicationSync (租户应用信息同步 / 应用同步, Kit spec §A.2): the tenant's OAuth client for the seller's app. The
/// secret arrives RSA-OAEP encrypted and Base64 encoded; decrypt it with <see cref="ClientSecretDecryptor"/>.
/// </summary>
public sealed record ApplicationSyncRequest(
    string? InstanceId, string TenantId, string AppId, string ClientId, string EncryptedClientSecret,
    SyncFlag Flag, bool Test, string TimeStamp)
{
    // The spec gives no maximum; a 16384-bit key's ciphertext is 2732 Base64 characters.
    private const int SecretLength = 4096;

    /// <summary>Parses a body of the most permissive generation (V2: flag 2, modify, allowed).</summary>
    public static Parsed<ApplicationSyncRequest> Parse(JsonElement root) => Parse(root, KitGeneration.V2);

    /// <summary>Parses a body; V1 allows flag 0 and 1, V2 also 2.</summary>
    public static Parsed<ApplicationSyncRequest> Parse(JsonElement root, KitGeneration generation)
    {
        var f = new FieldReader(root);
        var request = new ApplicationSyncRequest(
            f.RequiredMayBeEmpty("instanceId", KitFields.IdLength),
            f.Required("tenantId", KitFields.IdLength),
            f.Required("appId", KitFields.IdLength),
            f.Required("clientId", KitFields.IdLength),
            f.Required("clientSecret", SecretLength),
            generation == KitGeneration.V1
                ? KitFields.Flag(f, SyncFlag.Delete, SyncFlag.Add)
                : KitFields.Flag(f, SyncFlag.Delete, SyncFlag.Add, SyncFlag.Modify),
            KitFields.Test(f),
            KitFields.TimeStamp(f));
        return Parsed<ApplicationSyncRequest>.From(request, f);
    }
}
