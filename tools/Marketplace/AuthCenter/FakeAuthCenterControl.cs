using System.Net.Http.Json;
using Provisioning.Marketplace.OpenApi;

namespace Provisioning.Marketplace.AuthCenter;

/// <summary>Drives a fake auth center, in this process or another, through its <c>/simulator</c> control API.</summary>
public sealed class FakeAuthCenterControl(HttpClient http)
{
    /// <summary>Registers (or replaces) a tenant's credential and callback URLs.</summary>
    public Task AddTenant(string tenantId, TenantScript script) => Put($"/tenants/{Uri.EscapeDataString(tenantId)}", script);

    /// <summary>Adds (or replaces) a user of the tenant.</summary>
    public Task AddUser(string tenantId, AuthUser user) =>
        Put($"/tenants/{Uri.EscapeDataString(tenantId)}/users/{Uri.EscapeDataString(user.UserName)}", user);

    /// <summary>Signs <paramref name="userName"/> in at the tenant: the next authorize or CAS login lets them through.</summary>
    public Task SignIn(string tenantId, string userName) => Put($"/tenants/{Uri.EscapeDataString(tenantId)}/signed-in", new SignInRequest(userName));

    /// <summary>Makes the next <paramref name="count"/> token calls fail with <paramref name="fault"/>.</summary>
    public Task InjectTokenFaults(TokenFault fault, int count) => Post("/faults/token", new TokenFaultRequest(fault, count));

    /// <summary>Makes the next <paramref name="count"/> userinfo calls answer 401.</summary>
    public Task InjectUserinfoFaults(int count) => Post("/faults/userinfo", new UserinfoFaultRequest(count));

    /// <summary>What arrived so far.</summary>
    public async Task<AuthArrivalSnapshot> Arrivals() =>
        await http.GetFromJsonAsync<AuthArrivalSnapshot>($"{AuthControlEndpoints.Prefix}/arrivals", ControlJson.Options)
        ?? throw new HttpRequestException("the fake auth center answered no arrivals");

    private async Task Put<T>(string path, T body)
    {
        using var response = await http.PutAsJsonAsync(AuthControlEndpoints.Prefix + path, body, ControlJson.Options);
        response.EnsureSuccessStatusCode();
    }

    private async Task Post<T>(string path, T body)
    {
        using var response = await http.PostAsJsonAsync(AuthControlEndpoints.Prefix + path, body, ControlJson.Options);
        response.EnsureSuccessStatusCode();
    }
}
