using System.Net.Http.Json;
using System.Text.Json;

namespace Provisioning.Simulator.Seller;

/// <summary>Plays the seller's application reporting usage to <c>POST /api/usage</c> with the usage key.</summary>
public sealed class UsageReporter(HttpClient http, string usageKey)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>Reports the events; answers one status per event (accepted, duplicate, rejected) with its reason, or why the report failed.</summary>
    public async Task<(IReadOnlyList<ReportedStatus>? Results, string? Failure)> Report(IEnumerable<UsageReading> events)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/usage")
        {
            Content = JsonContent.Create(new { events = events.Select(e => new { e.EventId, e.InstanceId, e.Quantity, occurredAt = e.OccurredAt.ToString("O") }) }, options: Web),
        };
        request.Headers.Add("X-Api-Key", usageKey);
        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode) return (null, $"HTTP {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var answer = await response.Content.ReadFromJsonAsync<ReportAnswer>(Web);
        return (answer?.Results, answer is null ? "the answer is empty" : null);
    }

    private sealed record ReportAnswer(IReadOnlyList<ReportedStatus> Results);
}

/// <summary>One usage event as the seller's application reports it.</summary>
public sealed record UsageReading(string EventId, string InstanceId, decimal Quantity, DateTimeOffset OccurredAt);

/// <summary>What the gateway made of one reported event.</summary>
public sealed record ReportedStatus(string? EventId, string Status, string? Reason);
