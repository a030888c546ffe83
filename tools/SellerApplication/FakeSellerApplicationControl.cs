using System.Net.Http.Json;

namespace Provisioning.SellerApplication;

/// <summary>Drives a fake seller application, in this process or another, through its <c>/simulator</c> control API.</summary>
public sealed class FakeSellerApplicationControl(HttpClient http)
{
    /// <summary>The events received so far.</summary>
    public Task<InboxSnapshot> Events() => Read<InboxSnapshot>("/events");

    /// <summary>The provisioning requests received so far.</summary>
    public Task<InboxSnapshot> Provisioning() => Read<InboxSnapshot>("/provisioning");

    /// <summary>How many faults are queued and played, per endpoint.</summary>
    public Task<FaultCounts> Faults() => Read<FaultCounts>("/faults");

    /// <summary>Queues a fault for event deliveries.</summary>
    public Task InjectEventFaults(FaultRule rule) => Post("/faults/events", rule);

    /// <summary>Queues a fault for provisioning requests.</summary>
    public Task InjectProvisioningFaults(FaultRule rule) => Post("/faults/provisioning", rule);

    /// <summary>Forgets every queued fault of both endpoints.</summary>
    public async Task ClearFaults()
    {
        using var response = await http.DeleteAsync($"{ControlEndpoints.Prefix}/faults");
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Makes the provisioning hook answer <paramref name="access"/>, or an empty 204 when null.</summary>
    public async Task AnswerProvisioning(AccessInfo? access)
    {
        using var response = access is null
            ? await http.DeleteAsync($"{ControlEndpoints.Prefix}/provisioning/access")
            : await http.PutAsJsonAsync($"{ControlEndpoints.Prefix}/provisioning/access", access, ControlJson.Options);
        response.EnsureSuccessStatusCode();
    }

    private async Task<T> Read<T>(string path) =>
        await http.GetFromJsonAsync<T>(ControlEndpoints.Prefix + path, ControlJson.Options)
        ?? throw new HttpRequestException($"the fake seller application answered nothing for {path}");

    private async Task Post<T>(string path, T body)
    {
        using var response = await http.PostAsJsonAsync(ControlEndpoints.Prefix + path, body, ControlJson.Options);
        response.EnsureSuccessStatusCode();
    }
}
