using Microsoft.Extensions.DependencyInjection;
using Provisioning.Grains;
using Provisioning.Grains.Instances;
using Provisioning.KooGallery;
using Provisioning.Testing;

namespace Provisioning.Gateway.Tests.KooGallery.V1;

[Collection(GatewayCollection.Name)]
public sealed class V1LifecycleTests(GatewayFactory factory)
{
    private readonly V1Client _marketplace = new(factory.CreateClient());

    private Task<InstanceSnapshot?> Stored(string instanceId, Traffic traffic = Traffic.Live) =>
        factory.Services.GetRequiredService<IGrainFactory>().GetInstance(new InstanceAddress(instanceId, traffic)).Get();

    [Fact]
    public async Task A_full_lifecycle_answers_success_at_every_step()
    {
        var orderId = V1Orders.NewOrderId();
        var opened = await _marketplace.Call("newInstance", V1Orders.NewInstance(orderId));
        Assert.Equal(ResultCodes.Success, opened.ResultCode);
        var id = opened["instanceId"]!;
        (string, string) instance = ("instanceId", id);

        Assert.Equal(ResultCodes.Success, (await _marketplace.Call("refreshInstance", instance, ("orderId", "R1-" + orderId), ("expireTime", "20280131235959"))).ResultCode);
        Assert.Equal(ResultCodes.Success, (await _marketplace.Call("expireInstance", instance, ("orderId", orderId))).ResultCode);
        Assert.Equal(InstanceStatus.Frozen, (await Stored(id))!.Status);
        Assert.Equal(ResultCodes.Success, (await _marketplace.Call("refreshInstance", instance, ("orderId", "R2-" + orderId), ("expireTime", "20290131235959"))).ResultCode);
        Assert.Equal(InstanceStatus.Active, (await Stored(id))!.Status);
        Assert.Equal(ResultCodes.Success, (await _marketplace.Call("upgrade", instance, ("orderId", "U1-" + orderId), ("skuCode", "sku-pro"), ("productId", "00301-666666-0--1"), ("amount", "20"))).ResultCode);
        Assert.Equal(ResultCodes.Success, (await _marketplace.Call("releaseInstance", instance, ("orderId", orderId))).ResultCode);
        Assert.Equal(ResultCodes.Success, (await _marketplace.Call("releaseInstance", instance, ("orderId", orderId))).ResultCode);

        var stored = await Stored(id);
        Assert.Equal(InstanceStatus.Released, stored!.Status);
        Assert.Equal(new DateTimeOffset(2029, 1, 31, 23, 59, 59, TimeSpan.Zero), stored.ExpiresAt);
        Assert.Equal("sku-pro", stored.Plan!.SkuCode);
        Assert.Equal(20, stored.Plan.Quantities.Amount);
    }

    [Fact]
    public async Task NewInstance_answers_the_instance_with_encrypted_credentials()
    {
        var opened = await _marketplace.Call("newInstance", V1Orders.NewInstance(V1Orders.NewOrderId()));

        Assert.Equal("1", opened["encryptType"]);
        var appInfo = opened.Json.GetProperty("appInfo");
        Assert.Contains(opened["instanceId"]!, appInfo.GetProperty("frontEndUrl").GetString());
        var cipher = new FieldCipher(GatewayFactory.Key, EncryptType.Aes256);
        Assert.True(cipher.TryDecrypt(appInfo.GetProperty("userName").GetString(), out var userName));
        Assert.True(cipher.TryDecrypt(appInfo.GetProperty("password").GetString(), out var password));
        Assert.Equal("admin", userName);
        Assert.Equal(16, password.Length);
        Assert.True(appInfo.GetProperty("password").GetString()!.Length <= FieldCipher.MaxCipherTextLength);
    }

    [Fact]
    public async Task A_repeated_newInstance_returns_the_same_instance_and_byte_identical_appInfo()
    {
        var order = V1Orders.NewInstance(V1Orders.NewOrderId());

        var first = await _marketplace.Call("newInstance", order);
        var repeat = await _marketplace.Call("newInstance", order.Select(p => p.Item1 == "businessId" ? (p.Item1, Guid.NewGuid().ToString()) : p).ToArray());

        Assert.Equal(ResultCodes.Success, repeat.ResultCode);
        Assert.Equal(first["instanceId"], repeat["instanceId"]);
        Assert.Equal(first.Json.GetProperty("appInfo").GetRawText(), repeat.Json.GetProperty("appInfo").GetRawText());
    }

    [Fact]
    public async Task Concurrent_duplicates_of_one_order_create_exactly_one_instance()
    {
        var order = V1Orders.NewInstance(V1Orders.NewOrderId());

        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => _marketplace.Call("newInstance", order)));

        Assert.All(answers, a => Assert.Equal(ResultCodes.Success, a.ResultCode));
        var id = Assert.Single(answers.Select(a => a["instanceId"]).Distinct());
        var history = await factory.Services.GetRequiredService<IGrainFactory>().GetInstance(new InstanceAddress(id!, Traffic.Live)).GetHistory();
        Assert.Single(history, t => t.Action == InstanceAction.Open);
    }

    [Fact]
    public async Task Pay_per_use_orders_open_one_instance_per_product()
    {
        var orderId = V1Orders.NewOrderId();

        var first = await _marketplace.Call("newInstance", V1Orders.NewInstance(orderId, "0"));
        var second = await _marketplace.Call("newInstance", [.. V1Orders.NewInstance(orderId, "0").Where(p => p.Item1 != "productId"), ("productId", "00301-666666-0--9")]);

        Assert.NotEqual(first["instanceId"], second["instanceId"]);
    }

    [Fact]
    public async Task Pay_per_use_status_changes_freeze_and_restore()
    {
        var id = (await _marketplace.Call("newInstance", V1Orders.NewInstance(V1Orders.NewOrderId(), "0")))["instanceId"]!;

        Assert.Equal(ResultCodes.Success, (await _marketplace.Call("instanceStatus", ("instanceId", id), ("instanceStatus", "FREEZE"))).ResultCode);
        Assert.Equal(InstanceStatus.Frozen, (await Stored(id))!.Status);
        Assert.Equal(ResultCodes.Success, (await _marketplace.Call("instanceStatus", ("instanceId", id), ("instanceStatus", "NORMAL"))).ResultCode);
        Assert.Equal(InstanceStatus.Active, (await Stored(id))!.Status);
    }

    [Fact]
    public async Task A_trial_converts_to_formal_on_refresh()
    {
        var id = (await _marketplace.Call("newInstance", [.. V1Orders.NewInstance(V1Orders.NewOrderId()), ("trialFlag", "1")]))["instanceId"]!;
        Assert.True((await Stored(id))!.Trial);

        await _marketplace.Call("refreshInstance", ("instanceId", id), ("orderId", V1Orders.NewOrderId()), ("expireTime", "20280101000000"), ("trialToFormal", "1"));

        Assert.False((await Stored(id))!.Trial);
    }

    [Fact]
    public async Task Buyer_contact_details_arrive_decrypted_and_extend_params_decoded()
    {
        var cipher = new FieldCipher(GatewayFactory.Key, EncryptType.Aes256);
        var extend = SaasExtendParams.Encode([new ExtendParam("emailDomainName", "example.com")]);

        var id = (await _marketplace.Call("newInstance",
        [
            .. V1Orders.NewInstance(V1Orders.NewOrderId()),
            ("mobilePhone", cipher.Encrypt("13800000000")),
            ("email", new FieldCipher(GatewayFactory.Key, EncryptType.Aes128).Encrypt("buyer@example.com")),
            ("saasExtendParams", Uri.EscapeDataString(extend)),
        ]))["instanceId"]!;

        var stored = await Stored(id);
        Assert.Equal("13800000000", stored!.Buyer!.MobilePhone);
        Assert.Equal("buyer@example.com", stored.Buyer!.Email);
    }

    [Fact]
    public async Task QueryInstance_answers_known_instances_only()
    {
        var a = (await _marketplace.Call("newInstance", V1Orders.NewInstance(V1Orders.NewOrderId())))["instanceId"]!;
        var b = (await _marketplace.Call("newInstance", V1Orders.NewInstance(V1Orders.NewOrderId())))["instanceId"]!;
        var released = (await _marketplace.Call("newInstance", V1Orders.NewInstance(V1Orders.NewOrderId())))["instanceId"]!;
        await _marketplace.Call("releaseInstance", ("instanceId", released), ("orderId", "x"));

        var answer = await _marketplace.Call("queryInstance", ("instanceId", $"{a},{b},{released},{Guid.NewGuid()}"));

        Assert.Equal(ResultCodes.Success, answer.ResultCode);
        Assert.Equal("1", answer["encryptType"]);
        var infos = answer.Json.GetProperty("info").EnumerateArray().ToArray();
        Assert.Equal([a, b], infos.Select(i => i.GetProperty("instanceId").GetString()));
        Assert.All(infos, i => Assert.StartsWith("https://", i.GetProperty("appInfo").GetProperty("frontEndUrl").GetString()));
    }

    [Fact]
    public async Task QueryInstance_accepts_one_hundred_ids()
    {
        var ids = string.Join(",", Enumerable.Range(0, 100).Select(_ => Guid.NewGuid()));

        var answer = await _marketplace.Call("queryInstance", ("instanceId", ids));

        Assert.Equal(ResultCodes.Success, answer.ResultCode);
        Assert.Empty(answer.Json.GetProperty("info").EnumerateArray());
    }
}
