using Microsoft.Extensions.DependencyInjection;
using System.Text;
using System.Text.Json;
using Provisioning.Grains;
using Provisioning.Grains.Instances;
using Provisioning.KooGallery;
using Provisioning.KooGallery.Kit;
using Provisioning.Marketplace.Callbacks;
using Provisioning.Testing;

namespace Provisioning.Gateway.Tests.KooGallery;

/// <summary>
/// A body that repeats a key is refused before anything else: a signature computed over one occurrence must never let the
/// call execute another (issue 10, item 1).
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class AmbiguousBodyTests(GatewayFactory factory)
{
    private readonly KitClient _kitV1 = new(factory.CreateClient(), KitGeneration.V1);

    private static string NewTenantId() => Guid.NewGuid().ToString("N");

    private static string TenantSync(string tenantId) => JsonSerializer.Serialize(new
    {
        instanceId = "huaiweitest123456", orderId = "CS1906666666ABCDE", tenantId, tenantCode = "huawei", name = "huaiweitest",
        domainName = "https://example.tenantaccount.com", flag = 1, testFlag = 0, timeStamp = KitMarketplace.Stamp(),
    });

    // The genuine body with the attacker's keys appended after its own: first-occurrence readers see the genuine call.
    private static byte[] Appended(string genuine, string tail) => Encoding.UTF8.GetBytes(genuine[..^1] + tail + "}");

    private async Task<int> TenantStatus(string tenantId)
    {
        using var seller = factory.CreateClient();
        seller.DefaultRequestHeaders.Add("X-Api-Key", GatewayFactory.SellerApiKey);
        return (int)(await seller.GetAsync($"/api/tenants/{tenantId}")).StatusCode;
    }

    [Fact]
    public async Task A_signed_Kit_V1_tenantSync_with_a_tenant_appended_is_refused_and_creates_nothing()
    {
        var (genuineTenant, otherTenant) = (NewTenantId(), NewTenantId());
        var genuine = TenantSync(genuineTenant);
        var tampered = Appended(genuine, $",\"name\":\"Tampered\",\"tenantId\":\"{otherTenant}\"");
        using (var parsedGenuine = JsonDocument.Parse(genuine))
        using (var parsedTampered = JsonDocument.Parse(tampered))
        {
            // The captured token still verifies over the tampered body: only the refusal of repeated keys stops it.
            Assert.Equal(KitAuthToken.Compute(parsedGenuine.RootElement, GatewayFactory.Key), KitAuthToken.Compute(parsedTampered.RootElement, GatewayFactory.Key));
        }

        var answer = await _kitV1.Send("tenantSync", tampered);

        Assert.Equal(ResultCodes.InvalidParameter, answer.ResultCode);
        Assert.Equal("the body repeats the key 'name'", answer.ResultMsg);
        Assert.Equal(404, await TenantStatus(otherTenant));
        Assert.Equal(404, await TenantStatus(genuineTenant));
    }

    [Fact]
    public async Task A_signed_Kit_V1_authSync_with_an_admin_for_another_tenant_appended_is_refused()
    {
        var (genuineTenant, otherTenant) = (NewTenantId(), NewTenantId());
        var genuine = JsonSerializer.Serialize(new
        {
            instanceId = "i-1", tenantId = genuineTenant, appId = "app-1",
            userList = new[] { new { userName = "zhangsan", name = "Zhang San", orgCode = "10001", role = "user", enable = "true" } },
            currentSyncTime = KitMarketplace.Stamp(), flag = 1, testFlag = 0, timeStamp = KitMarketplace.Stamp(),
        });
        var tampered = Appended(genuine,
            $",\"tenantId\":\"{otherTenant}\",\"userList\":[{{\"userName\":\"mallory\",\"name\":\"M\",\"orgCode\":\"1\",\"role\":\"admin\",\"enable\":\"true\"}}]");

        var answer = await _kitV1.Send("authSync", tampered);

        Assert.Equal(ResultCodes.InvalidParameter, answer.ResultCode);
        Assert.Equal("the body repeats the key 'tenantId'", answer.ResultMsg);
        Assert.Equal(404, await TenantStatus(otherTenant));
    }

    [Fact]
    public async Task A_Kit_V2_body_signed_in_its_canonical_form_with_a_key_appended_is_refused()
    {
        var (genuineTenant, otherTenant) = (NewTenantId(), NewTenantId());
        var genuine = TenantSync(genuineTenant);
        string canonical;
        using (var parsed = JsonDocument.Parse(genuine)) canonical = KitSignature.CanonicalPayload(parsed.RootElement);
        var tampered = Appended(genuine, $",\"tenantId\":\"{otherTenant}\"");
        var (nonce, timestamp) = (V2Marketplace.NewNonce(), V2Marketplace.Now());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/koogallery/produceAPI/v2/tenantSync")
        {
            Content = new ByteArrayContent(tampered) { Headers = { { "Content-Type", "application/json" } } },
        };
        request.Headers.Add(KitSignature.SignHeader, KitSignature.Compute(canonical, GatewayFactory.KitAccessKey, nonce, timestamp));
        request.Headers.Add(KitSignature.TimestampHeader, timestamp);
        request.Headers.Add(KitSignature.NonceHeader, nonce);

        using var response = await factory.CreateClient().SendAsync(request);
        var answer = await SignedAnswer.ReadAsync(response, GatewayFactory.KitAccessKey);

        Assert.Equal(ResultCodes.InvalidParameter, answer.ResultCode);
        Assert.Equal("the body repeats the key 'tenantId'", answer.ResultMsg);
        Assert.Equal(404, await TenantStatus(otherTenant));
        Assert.Equal(404, await TenantStatus(genuineTenant));
    }

    [Fact]
    public async Task A_key_repeated_inside_a_userList_string_is_refused_before_the_signature_is_checked()
    {
        var tenantId = NewTenantId();
        var userList = """[{"userName":"zhangsan","userName":"lisi","name":"Zhang San","orgCode":"10001","role":"user","enable":"true"}]""";
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            instanceId = "i-1", tenantId, appId = "app-1", userList, currentSyncTime = KitMarketplace.Stamp(), flag = 1, testFlag = 0, timeStamp = KitMarketplace.Stamp(),
        });

        var signed = await _kitV1.Send("authSync", body);
        var forged = await _kitV1.Send("authSync", body, r => r.Headers.Remove(KitAuthToken.HeaderName));

        Assert.Equal((ResultCodes.InvalidParameter, "userList repeats the key 'userName'"), (signed.ResultCode, signed.ResultMsg));
        Assert.Equal((ResultCodes.InvalidParameter, "userList repeats the key 'userName'"), (forged.ResultCode, forged.ResultMsg));
        Assert.Equal(404, await TenantStatus(tenantId));
    }

    [Fact]
    public async Task A_signed_V2_body_that_repeats_the_instance_id_is_refused_and_changes_nothing()
    {
        var v2 = new V2Client(factory.CreateClient());
        var orderId = "CS" + Guid.NewGuid().ToString("N")[..16];
        var opened = await v2.Call("newInstance", ("businessId", "b-1"), ("orderId", orderId), ("orderLineId", orderId + "-000001"));
        Assert.Equal(ResultCodes.Success, opened.ResultCode);
        var instanceId = InstanceIds.Derive(OrderKey.ForOrderLine(orderId, orderId + "-000001"), Traffic.Live);
        var other = InstanceIds.Derive(OrderKey.ForOrderLine(orderId + "x", orderId + "-000001"), Traffic.Live);

        var release = Encoding.UTF8.GetBytes($"{{\"activity\":\"releaseInstance\",\"instanceId\":\"{other}\",\"orderId\":\"{orderId}\",\"instanceId\":\"{instanceId}\"}}");
        var answer = await v2.Send(release);

        Assert.Equal((ResultCodes.InvalidParameter, "the body repeats the key 'instanceId'"), (answer.ResultCode, answer.ResultMsg));
        var grains = factory.Services.GetRequiredService<IGrainFactory>();
        Assert.Equal(InstanceStatus.Active, (await grains.GetInstance(new InstanceAddress(instanceId, Traffic.Live)).Get())!.Status);
        Assert.Null(await grains.GetInstance(new InstanceAddress(other, Traffic.Live)).Get());
    }
}
