using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace Provisioning.Simulator.Login;

/// <summary>
/// Where a login the browser followed ended: back at the seller's application (<see cref="Returned"/>, with its
/// <c>token</c>), at an answer that was not a redirect (a refusal: status, <c>Login-Error</c>, the JSON error), or paused
/// before a URL the scenario wanted to tamper with (<see cref="PausedAt"/>).
/// </summary>
public sealed record Landing(IReadOnlyList<Uri> Visited)
{
    /// <summary>The status of the last answer (the redirect back, for a login that returned).</summary>
    public int Status { get; init; }

    /// <summary>The last answer's <c>Location</c>, if it had one.</summary>
    public Uri? Location { get; init; }

    /// <summary>The last answer's <c>Login-Error</c> header.</summary>
    public string? LoginError { get; init; }

    /// <summary>The <c>error</c> of the last answer's JSON body.</summary>
    public string? Error { get; init; }

    /// <summary>The <c>error_description</c> of the last answer's JSON body.</summary>
    public string? ErrorDescription { get; init; }

    /// <summary>The seller application's address the login returned to.</summary>
    public Uri? Returned { get; init; }

    /// <summary>The URL the browser was about to visit when the scenario paused it.</summary>
    public Uri? PausedAt { get; init; }

    /// <summary>The <c>token</c> the login returned with.</summary>
    public string? Token => Returned is { } url && QueryHelpers.ParseQuery(url.Query).TryGetValue("token", out var token) ? token.ToString() : null;

    /// <summary>One line saying where it ended, for a failed step (never the token itself).</summary>
    public string Describe() =>
        PausedAt is { } paused ? $"paused before {paused.GetLeftPart(UriPartial.Path)}"
        : Returned is { } returned ? $"returned to {returned.GetLeftPart(UriPartial.Path)} {(Token is null ? "without" : "with")} a token"
        : $"answered {Status}{(LoginError is null ? "" : $" Login-Error {LoginError}")}{(Error is null ? "" : $" ({Error}: {ErrorDescription})")}"
          + (Location is null ? "" : $", Location {Location.GetLeftPart(UriPartial.Path)}")
          + (Visited.Count == 0 ? "" : $" at {Visited[^1].GetLeftPart(UriPartial.Path)}, request {Visited.Count}");

    internal static async Task<Landing> Answered(List<Uri> visited, HttpResponseMessage response, Uri? location)
    {
        var (error, description) = await ErrorOf(response);
        return new Landing(visited)
        {
            Status = (int)response.StatusCode,
            Location = location,
            LoginError = response.Headers.TryGetValues("Login-Error", out var values) ? string.Join(",", values) : null,
            Error = error,
            ErrorDescription = description,
        };
    }

    internal static Landing Back(List<Uri> visited, HttpStatusCode status, Uri location) =>
        new(visited) { Status = (int)status, Location = location, Returned = location };

    internal static Landing Paused(List<Uri> visited, Uri next) => new(visited) { PausedAt = next };

    private static async Task<(string?, string?)> ErrorOf(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true) return (null, null);
        try
        {
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return body.RootElement.ValueKind == JsonValueKind.Object
                ? (Text(body.RootElement, "error"), Text(body.RootElement, "error_description"))
                : (null, null);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
