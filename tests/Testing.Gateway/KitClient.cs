using System.Text.Json;
using Provisioning.KooGallery.Kit;
using Provisioning.Marketplace.Callbacks;

namespace Provisioning.Testing;

/// <summary>The marketplace's joint-operation Kit syncs of one generation to the test gateway, every answer asserted as the marketplace checks it.</summary>
public sealed class KitClient(HttpClient http, KitGeneration generation, string basePath = "/koogallery")
{
    private static readonly ClientSecretSealer Sealer = ClientSecretSealer.FromText(GatewayFactory.KitKey.ExportSubjectPublicKeyInfoPem());

    private readonly KitMarketplace _marketplace = new(http, generation, Key(generation), basePath);

    private static string Key(KitGeneration generation) => generation == KitGeneration.V1 ? GatewayFactory.Key : GatewayFactory.KitAccessKey;

    /// <summary>Encrypts a client secret the way KooGallery does, with the seller's public key.</summary>
    public static string EncryptSecret(string secret) => Sealer.Seal(secret);

    /// <summary>Sends a body (compact JSON of the given object) correctly signed.</summary>
    public Task<SignedAnswer> Sync(string sync, object body) => Send(sync, JsonSerializer.SerializeToUtf8Bytes(body));

    /// <summary>Sends a body correctly signed, then changed by <paramref name="tamper"/> on its way.</summary>
    public async Task<SignedAnswer> Send(string sync, byte[] body, Action<HttpRequestMessage>? tamper = null) =>
        SignedAnswer.Of(await _marketplace.Send(sync, _marketplace.Sign(body), alter: tamper), Key(generation));
}
