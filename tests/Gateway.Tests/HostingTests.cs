using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Provisioning.Gateway.KooGallery;
using Provisioning.Gateway.Tests.KooGallery.V1;
using Provisioning.KooGallery;
using Provisioning.Testing;

namespace Provisioning.Gateway.Tests;

public sealed class HostingTests
{
    private sealed class ProductionWithoutKeys : GatewayFactory
    {
        protected override string Environment => "Production";

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();
    }

    private sealed class DevelopmentWithoutKeys : GatewayFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();
    }

    private sealed class CustomBasePath : GatewayFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings =>
            new Dictionary<string, string?>(base.Settings) { ["KooGallery:BasePath"] = "/saas/produce", ["KooGallery:EncryptType"] = "2" };
    }

    [Fact]
    public void Production_refuses_to_start_without_keys_and_names_them()
    {
        using var gateway = new ProductionWithoutKeys();

        var error = Assert.Throws<OptionsValidationException>(() => gateway.CreateClient());

        Assert.Contains("KooGallery:Key", error.Message);
        Assert.Contains("KooGallery:AccessKey", error.Message);
        Assert.Contains("KooGallery:KitAccessKey", error.Message);
    }

    [Fact]
    public async Task Development_generates_missing_keys_and_answers_signed_calls()
    {
        await using var gateway = new DevelopmentWithoutKeys();
        var key = gateway.Services.GetRequiredService<IOptions<KooGalleryOptions>>().Value.Key!;

        var answer = await new V1Client(gateway.CreateClient(), key).Call("queryInstance", ("instanceId", "x"));

        Assert.Equal(32, key.Length);
        Assert.Equal(ResultCodes.Success, answer.ResultCode);
    }

    [Fact]
    public async Task The_base_path_and_encrypt_type_come_from_configuration()
    {
        await using var gateway = new CustomBasePath();
        var marketplace = new V1Client(gateway.CreateClient(), path: "/saas/produce");

        var answer = await marketplace.Call("newInstance", V1Orders.NewInstance(V1Orders.NewOrderId()));

        Assert.Equal(ResultCodes.Success, answer.ResultCode);
        Assert.Equal("2", answer["encryptType"]);
        var cipher = new FieldCipher(GatewayFactory.Key, EncryptType.Aes128);
        Assert.True(cipher.TryDecrypt(answer.Json.GetProperty("appInfo").GetProperty("userName").GetString(), out var userName));
        Assert.Equal("admin", userName);
    }
}
