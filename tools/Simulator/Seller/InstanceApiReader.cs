using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Provisioning.Simulator.Seller;

/// <summary>
/// Reads instances through the seller API (<c>GET /api/instances/{id}</c> and the keyset-paged <c>GET /api/instances?…</c>, with
/// <c>X-Api-Key</c>), as the seller's application would before letting a buyer in. The one place that knows the shape of
/// those answers.
/// </summary>
public sealed class InstanceApiReader(HttpClient http, string apiKey)
{
    private const string KeyHeader = "X-Api-Key";
    private const int PageSize = 1000;
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>The instance, or null when the API does not know it.</summary>
    public async Task<SellerInstance?> Instance(string instanceId)
    {
        using var response = await Get($"/api/instances/{Uri.EscapeDataString(instanceId)}");
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        return await Read<SellerInstance>(response);
    }

    /// <summary>Every instance of one customer, following <c>nextCursor</c> until the last page.</summary>
    public async Task<IReadOnlyList<SellerInstance>> OfCustomer(string customerId)
    {
        var all = new List<SellerInstance>();
        string? cursor = null;
        do
        {
            var query = $"/api/instances?customerId={Uri.EscapeDataString(customerId)}&limit={PageSize}"
                + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            using var response = await Get(query);
            var page = await Read<InstancePage>(response);
            all.AddRange(page.Instances);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return all;
    }

    private async Task<HttpResponseMessage> Get(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(KeyHeader, apiKey);
        return await http.SendAsync(request);
    }

    private static async Task<T> Read<T>(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"the seller API answered HTTP {(int)response.StatusCode}", null, response.StatusCode);
        }

        return await response.Content.ReadFromJsonAsync<T>(Web) ?? throw new JsonException("the seller API answered null");
    }

    private sealed record InstancePage(IReadOnlyList<SellerInstance> Instances, string? NextCursor);
}

/// <summary>An instance as the seller API shows it (the fields the scenarios check).</summary>
public sealed record SellerInstance(string InstanceId, string Status);
