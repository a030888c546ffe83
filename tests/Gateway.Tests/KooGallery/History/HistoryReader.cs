using System.Net;
using System.Text.Json;
using Provisioning.Testing;

namespace Provisioning.Gateway.Tests.KooGallery.History;

/// <summary>Reads an instance's call history through the seller API, with the admin key, as the raw JSON the seller sees.</summary>
internal static class HistoryReader
{
    public static async Task<(JsonElement Page, string Body)> ReadAsync(HttpClient http, string instanceId, string query = "")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/instances/{Uri.EscapeDataString(instanceId)}/history{query}");
        request.Headers.Add("X-Api-Key", GatewayFactory.SellerAdminKey);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return (JsonDocument.Parse(body).RootElement.Clone(), body);
    }

    public static JsonElement[] Calls(JsonElement page) => [.. page.GetProperty("calls").EnumerateArray()];
}
