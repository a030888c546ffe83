using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Provisioning.Simulator.Seller;

/// <summary>
/// Reads what the gateway stored through its seller API (<c>/api/tenants/…</c> and <c>/api/instances…</c> with <c>X-Api-Key</c>),
/// so scenarios can check that a sync or a change took effect, as the seller's application would before letting a buyer in.
/// With the admin key it also reads decrypted client secrets.
/// </summary>
public sealed class SellerApiReader(HttpClient http, string apiKey, string? adminKey)
{
    private const string KeyHeader = "X-Api-Key";
    private const int PageSize = 1000;
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>Whether client secrets can be read back (the admin key was given).</summary>
    public bool ReadsSecrets => adminKey is not null;

    /// <summary>The tenant, or null when the API does not know it.</summary>
    public async Task<SellerTenant?> Tenant(string tenantId)
    {
        using var request = Get($"/api/tenants/{Uri.EscapeDataString(tenantId)}{(ReadsSecrets ? "?includeSecrets=true" : "")}", adminKey ?? apiKey);
        using var response = await http.SendAsync(request);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        return await Read<SellerTenant>(response);
    }

    /// <summary>The tenant's users (the first 1,000).</summary>
    public async Task<IReadOnlyList<SellerUser>> Users(string tenantId)
    {
        using var request = Get($"/api/tenants/{Uri.EscapeDataString(tenantId)}/users?limit={PageSize}", apiKey);
        using var response = await http.SendAsync(request);
        return (await Read<SellerUserPage>(response)).Users;
    }

    /// <summary>The tenant's departments.</summary>
    public async Task<IReadOnlyList<SellerDepartment>> Departments(string tenantId)
    {
        using var request = Get($"/api/tenants/{Uri.EscapeDataString(tenantId)}/departments", apiKey);
        using var response = await http.SendAsync(request);
        return await Read<IReadOnlyList<SellerDepartment>>(response);
    }

    /// <summary>The instance, or null when the API does not know it.</summary>
    public async Task<SellerInstance?> Instance(string instanceId)
    {
        using var request = Get($"/api/instances/{Uri.EscapeDataString(instanceId)}", apiKey);
        using var response = await http.SendAsync(request);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        return await Read<SellerInstance>(response);
    }

    /// <summary>Every instance of one customer, following <c>nextCursor</c> until the last page.</summary>
    public async Task<IReadOnlyList<SellerInstance>> InstancesOf(string customerId)
    {
        var all = new List<SellerInstance>();
        string? cursor = null;
        do
        {
            using var request = Get($"/api/instances?customerId={Uri.EscapeDataString(customerId)}&limit={PageSize}"
                + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"), apiKey);
            using var response = await http.SendAsync(request);
            var page = await Read<SellerInstancePage>(response);
            all.AddRange(page.Instances);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return all;
    }

    private static HttpRequestMessage Get(string path, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(KeyHeader, key);
        return request;
    }

    private static async Task<T> Read<T>(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"the seller API answered HTTP {(int)response.StatusCode}", null, response.StatusCode);
        }

        return await response.Content.ReadFromJsonAsync<T>(Web) ?? throw new JsonException("the seller API answered null");
    }
}
