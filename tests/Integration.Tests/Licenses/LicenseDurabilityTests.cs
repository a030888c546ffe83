using System.Buffers.Text;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Provisioning.Grains;
using Provisioning.Grains.Instances;
using Provisioning.Grains.Licenses;
using Provisioning.Integration.Tests.Instances;
using Provisioning.Integration.Tests.Postgres;
using Provisioning.KooGallery;
using Provisioning.Testing;

namespace Provisioning.Integration.Tests.Licenses;

public sealed class LicenseDurabilityTests
{
    private static readonly string SigningKey = NewKey();

    private static string NewKey()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return ecdsa.ExportPkcs8PrivateKeyPem();
    }

    /// <summary>A gateway co-hosting a silo on PostgreSQL, with a License signing key that outlives it.</summary>
    private sealed class LicenseGateway(string connectionString) : GatewayFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings =>
            new Dictionary<string, string?>(base.Settings) { ["ConnectionStrings:Provisioning"] = connectionString, ["Licenses:SigningKey"] = SigningKey };
    }

    private static (string, string)[] Purchase(string orderId) =>
        [("businessId", Guid.NewGuid().ToString()), ("orderId", orderId), ("customerId", "c-1"), ("productId", "p-1"), ("expireTime", "20300101000000")];

    [Fact]
    public async Task A_License_survives_a_restart_of_its_silo_and_a_repeat_answers_the_same_bytes()
    {
        var database = await PostgresServer.CreateDatabaseAsync("license");
        var orderId = V1Orders.NewOrderId();
        SignedAnswer bought;

        await using (var before = new LicenseGateway(database))
        {
            var marketplace = new V1Client(before.CreateClient());
            bought = await marketplace.Call("getLicense", Purchase(orderId));
            Assert.Equal(ResultCodes.Success, bought.ResultCode);
            (string, string) instance = ("instanceId", bought["instanceId"]!);
            await marketplace.Call("refreshLicense", instance, ("orderId", "R1"), ("expireTime", "20310101000000"));
            await marketplace.Call("expireLicense", instance, ("orderId", orderId));
        }

        await using var after = new LicenseGateway(database);
        var repeat = await new V1Client(after.CreateClient()).Call("getLicense", Purchase(orderId));

        Assert.Equal(bought.Body, repeat.Body);
        var stored = await after.Services.GetRequiredService<IGrainFactory>().GetLicense(new LicenseAddress(bought["instanceId"]!, Traffic.Live)).Get();
        Assert.Equal(LicenseStatus.Frozen, stored!.Status);
        Assert.Equal(new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero), stored.ExpiresAt);
        Assert.NotEqual(stored.FirstLicense, stored.CurrentLicense);
    }

    [Fact]
    public async Task A_client_mode_gateway_publishes_the_silos_key_and_serves_Licenses_from_it()
    {
        var database = await PostgresServer.CreateDatabaseAsync("licenseclient");
        using var silo = await SiloHost.StartAsync(database, new Dictionary<string, string?> { ["Licenses:SigningKey"] = SigningKey });
        await using var gateway = new ClientModeGateway(database);

        var published = await gateway.CreateClient().GetFromJsonAsync<JsonElement>("/api/licenses/signing-key");
        var bought = await new V1Client(gateway.CreateClient()).Call("getLicense", Purchase(V1Orders.NewOrderId()));

        using var key = ECDsa.Create();
        key.ImportFromPem(SigningKey);
        Assert.Equal(key.ExportSubjectPublicKeyInfoPem(), published.GetProperty("publicKeyPem").GetString());
        Assert.Equal(ResultCodes.Success, bought.ResultCode);
        var parts = bought["license"]!.Split('.');
        Assert.True(key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url.DecodeFromChars(parts[2]),
            HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
        await silo.StopAsync();
    }
}
