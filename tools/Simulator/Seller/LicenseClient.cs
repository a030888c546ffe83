using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Provisioning.Simulator.Seller;

/// <summary>
/// Plays the seller's licensed software on the License API (<c>/api/licenses/{code}/…</c> with <c>X-Api-Key</c>): it activates
/// the code its user typed in, asks whether it may run, and reports who used it.
/// </summary>
public sealed class LicenseClient(HttpClient http, string licenseKey)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>The same software holding another key, as a copy configured wrongly would.</summary>
    public LicenseClient WithKey(string key) => new(http, key);

    /// <summary><c>POST /api/licenses/{code}/activate</c>, with no body.</summary>
    public Task<LicenseAnswer> Activate(string code) => Send(HttpMethod.Post, code, "activate", null);

    /// <summary><c>GET /api/licenses/{code}/status</c>.</summary>
    public Task<LicenseAnswer> Status(string code) => Send(HttpMethod.Get, code, "status", null);

    /// <summary><c>POST /api/licenses/{code}/usage</c> with the ids of the users who used the software.</summary>
    public Task<LicenseAnswer> ReportUsers(string code, params string[] userIds) =>
        Send(HttpMethod.Post, code, "usage", JsonContent.Create(new { userIds }, options: Web));

    private async Task<LicenseAnswer> Send(HttpMethod method, string code, string action, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, $"/api/licenses/{Uri.EscapeDataString(code)}/{action}") { Content = content };
        request.Headers.Add("X-Api-Key", licenseKey);
        var clock = Stopwatch.StartNew();
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        clock.Stop();
        var standing = action != "usage" && response.StatusCode == HttpStatusCode.OK ? JsonSerializer.Deserialize<LicenseStanding>(body, Web) : null;
        var detail = response.StatusCode == HttpStatusCode.OK ? null : Detail(body);
        return new LicenseAnswer(response.StatusCode, standing, detail, clock.Elapsed);
    }

    private static string? Detail(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("detail", out var detail)
                ? detail.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>What the License API answered: its HTTP status, the code's standing on a 200 of activate or status, else the problem's detail.</summary>
public sealed record LicenseAnswer(HttpStatusCode Status, LicenseStanding? Standing, string? Detail, TimeSpan Elapsed);

/// <summary>Whether the software may run on a code, as the License API says.</summary>
public sealed record LicenseStanding(
    string Code,
    bool MayRun,
    string Status,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? ActivatedAt,
    DateTimeOffset? LastCheckedAt,
    DateTimeOffset? OfflineUntil,
    string Message);
