using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Provisioning.KooGallery;
using Provisioning.Testing;

namespace Provisioning.Gateway.Tests.SellerApi;

/// <summary>The buyer's software fetches the License the retired callbacks issued, and its renewal, from <c>/api/issued-licenses/{instanceId}</c>.</summary>
[Collection(GatewayCollection.Name)]
public sealed class IssuedLicenseApiTests(GatewayFactory factory)
{
    private readonly V1Client _marketplace = new(factory.CreateClient());
    private readonly HttpClient _http = factory.CreateClient();

    private static (string, string)[] Purchase(string orderId) =>
    [
        ("businessId", Guid.NewGuid().ToString()), ("orderId", orderId), ("customerId", "68805512345678901234567890abcdef"),
        ("productId", "00301-123456-0--0"), ("skuCode", "a63ee5c9-4f86-11ed-9f95-fa163e8cb3b2"), ("expireTime", "20990317144237"), ("amount", "3"),
    ];

    private async Task<HttpResponseMessage> Get(string instanceId, string key = GatewayFactory.SellerLicenseKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/issued-licenses/{instanceId}") { Headers = { { "X-Api-Key", key } } };
        return await _http.SendAsync(request);
    }

    private async Task<JsonElement> Read(string instanceId)
    {
        using var response = await Get(instanceId);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task The_software_reads_the_purchased_License_then_the_renewed_one_and_may_not_run_once_frozen()
    {
        var orderId = V1Orders.NewOrderId();
        var bought = await _marketplace.Call("getLicense", Purchase(orderId));
        var id = bought["instanceId"]!;

        var issued = await Read(id);
        Assert.Equal(bought["license"], issued.GetProperty("license").GetString());
        Assert.True(issued.GetProperty("mayRun").GetBoolean());
        Assert.Equal("active", issued.GetProperty("status").GetString());
        Assert.Equal(3, issued.GetProperty("quantity").GetInt32());
        Assert.Equal(new DateTimeOffset(2099, 3, 17, 14, 42, 37, TimeSpan.Zero), issued.GetProperty("expiresAt").GetDateTimeOffset());

        var renewal = await _marketplace.Call("refreshLicense", ("instanceId", id), ("orderId", "R-" + orderId), ("expireTime", "21000317144237"));
        Assert.Equal(ResultCodes.Success, renewal.ResultCode);
        var renewed = await Read(id);
        Assert.NotEqual(bought["license"], renewed.GetProperty("license").GetString());
        Assert.Equal(new DateTimeOffset(2100, 3, 17, 14, 42, 37, TimeSpan.Zero), renewed.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.Equal(issued.GetProperty("firstIssuedAt").GetDateTimeOffset(), renewed.GetProperty("firstIssuedAt").GetDateTimeOffset());

        Assert.Equal(ResultCodes.Success, (await _marketplace.Call("expireLicense", ("instanceId", id), ("orderId", orderId))).ResultCode);
        var frozen = await Read(id);
        Assert.False(frozen.GetProperty("mayRun").GetBoolean());
        Assert.Equal("frozen", frozen.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_License_past_its_expiry_may_not_run()
    {
        var orderId = V1Orders.NewOrderId();
        var purchase = Purchase(orderId).Select(p => p.Item1 == "expireTime" ? (p.Item1, "20200101000000") : p).ToArray();
        var id = (await _marketplace.Call("getLicense", purchase))["instanceId"]!;

        var expired = await Read(id);
        Assert.False(expired.GetProperty("mayRun").GetBoolean());
        Assert.Equal("active", expired.GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_unknown_or_test_License_is_not_found()
    {
        using var unknown = await Get(Guid.NewGuid().ToString());
        await Problem.Detail(unknown, HttpStatusCode.NotFound);

        var testId = (await _marketplace.Call("getLicense", [.. Purchase(V1Orders.NewOrderId()), ("testFlag", "1")]))["instanceId"]!;
        using var test = await Get(testId);
        await Problem.Detail(test, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(GatewayFactory.SellerApiKey)]
    [InlineData(GatewayFactory.SellerUsageKey)]
    [InlineData("not-a-key")]
    public async Task Only_the_license_and_admin_keys_read_it(string key)
    {
        var id = (await _marketplace.Call("getLicense", Purchase(V1Orders.NewOrderId())))["instanceId"]!;

        using var refused = await Get(id, key);
        await Problem.Detail(refused, HttpStatusCode.Unauthorized);
        using var admin = await Get(id, GatewayFactory.SellerAdminKey);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }
}
