using System.Net;
using System.Net.Http.Json;

namespace Provisioning.Marketplace.OpenApi;

/// <summary>Drives a fake open API, in this process or another, through its <c>/simulator</c> control API.</summary>
public sealed class FakeOpenApiControl(HttpClient http)
{
    /// <summary>Registers what the order query answers for <paramref name="orderId"/>.</summary>
    public async Task Script(string orderId, OrderScript script)
    {
        using var response = await http.PutAsJsonAsync($"{ControlEndpoints.Prefix}/orders/{Uri.EscapeDataString(orderId)}", script, ControlJson.Options);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>How the order was queried, or null when the fake does not know it.</summary>
    public async Task<OrderTrace?> Trace(string orderId)
    {
        using var response = await http.GetAsync($"{ControlEndpoints.Prefix}/orders/{Uri.EscapeDataString(orderId)}");
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<OrderTrace>(ControlJson.Options);
    }

    /// <summary>The usage received so far.</summary>
    public async Task<UsageSnapshot> Usage() =>
        await http.GetFromJsonAsync<UsageSnapshot>($"{ControlEndpoints.Prefix}/usage", ControlJson.Options)
        ?? throw new HttpRequestException("the fake open API answered no usage");

    /// <summary>Makes the next <paramref name="count"/> usage pushes fail with <paramref name="fault"/>.</summary>
    public async Task InjectUsageFaults(UsageFault fault, int count)
    {
        using var response = await http.PostAsJsonAsync($"{ControlEndpoints.Prefix}/usage/faults", new UsageFaultRequest(fault, count), ControlJson.Options);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Registers (or replaces) an activation code.</summary>
    public async Task AddCode(string code, CodeScript script)
    {
        using var response = await http.PutAsJsonAsync(CodePath(code), script, ControlJson.Options);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Changes a code's expiry, status or claim, as a renewal, a freeze or the buyer's 领取 does.</summary>
    public async Task ChangeCode(string code, CodeChange change)
    {
        using var response = await http.PatchAsJsonAsync(CodePath(code), change, ControlJson.Options);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The code's state and what arrived for it, or null when the fake does not know it.</summary>
    public async Task<CodeTrace?> Code(string code)
    {
        using var response = await http.GetAsync(CodePath(code));
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<CodeTrace>(ControlJson.Options);
    }

    /// <summary>Makes the next <paramref name="count"/> calls of <paramref name="code"/> (of any code when null) fail with <paramref name="fault"/>.</summary>
    public async Task InjectCodeFaults(string? code, CodeFault fault, int count)
    {
        var path = code is null ? $"{CodeControlEndpoints.Prefix}/faults" : $"{CodePath(code)}/faults";
        using var response = await http.PostAsJsonAsync(path, new CodeFaultRequest(fault, count), ControlJson.Options);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>What was uploaded for the event, or null when nothing arrived for it.</summary>
    public async Task<UploadTrace?> Uploads(string eventId)
    {
        using var response = await http.GetAsync($"{ControlEndpoints.Prefix}/uploads/{Uri.EscapeDataString(eventId)}");
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<UploadTrace>(ControlJson.Options);
    }

    /// <summary>Makes the next <paramref name="count"/> License uploads fail with <paramref name="fault"/>.</summary>
    public async Task InjectUploadFaults(UploadFault fault, int count)
    {
        using var response = await http.PostAsJsonAsync($"{ControlEndpoints.Prefix}/uploads/faults", new UploadFaultRequest(fault, count), ControlJson.Options);
        response.EnsureSuccessStatusCode();
    }

    private static string CodePath(string code) => $"{CodeControlEndpoints.Prefix}/{Uri.EscapeDataString(code)}";
}
