using System.Net;
using System.Text.Json;
using Provisioning.KooGallery;
using Provisioning.Marketplace.Callbacks;
using Provisioning.Testing;

namespace Provisioning.Gateway.Tests.KooGallery.History;

/// <summary><c>GET /api/instances/{id}</c> carries the instance's newest marketplace calls for the admin key only.</summary>
[Collection(GatewayCollection.Name)]
public sealed class InstanceViewHistoryTests(GatewayFactory factory)
{
    private readonly HttpClient _http = factory.CreateClient();

    private async Task<JsonElement> Instance(string instanceId, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/instances/{Uri.EscapeDataString(instanceId)}");
        request.Headers.Add("X-Api-Key", key);
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task The_admin_view_of_an_instance_has_its_calls_newest_first_and_the_read_view_has_none()
    {
        var marketplace = new V1Client(_http);
        var orderId = V1Orders.NewOrderId();
        var id = (await marketplace.Call("newInstance", V1Orders.NewInstance(orderId)))["instanceId"]!;
        Assert.Equal(ResultCodes.Success, (await marketplace.Call("expireInstance", ("instanceId", id), ("orderId", orderId))).ResultCode);

        var admin = await Instance(id, GatewayFactory.SellerAdminKey);
        var reader = await Instance(id, GatewayFactory.SellerApiKey);

        Assert.Equal("frozen", admin.GetProperty("status").GetString());
        var calls = admin.GetProperty("history").GetProperty("calls").EnumerateArray().Select(c => c.GetProperty("activity").GetString()!).ToArray();
        Assert.Equal(new[] { "expireInstance", "newInstance" }, calls);
        Assert.Equal(JsonValueKind.Null, reader.GetProperty("history").ValueKind);
        Assert.Equal("frozen", reader.GetProperty("status").GetString());
    }
}
