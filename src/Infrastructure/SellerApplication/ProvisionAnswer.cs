using System.Text.Json;
using Provisioning.Grains.Instances;

namespace Provisioning.Infrastructure.SellerApplication;

/// <summary>
/// Reads the seller's application's 2xx answer to the provisioning hook: an empty body, or a JSON object whose optional string
/// members <c>frontEndUrl</c>, <c>adminUrl</c> (absolute http(s) URLs), <c>userName</c> and <c>password</c> are the buyer's access;
/// other members are ignored, and an empty string counts as absent. Anything else is refused with a reason that quotes none of it.
/// </summary>
internal static class ProvisionAnswer
{
    public static ProvisionedTenant Read(string body, int status)
    {
        if (string.IsNullOrWhiteSpace(body)) return new ProvisionedTenant(null, null, null, null);

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            throw new ProvisioningHookException($"its HTTP {status} answer is not JSON");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new ProvisioningHookException($"its HTTP {status} answer is not a JSON object");
            return new ProvisionedTenant(Url(root, "frontEndUrl", status), Url(root, "adminUrl", status), Text(root, "userName", status), Text(root, "password", status));
        }
    }

    private static string? Text(JsonElement root, string name, int status) =>
        !root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind != JsonValueKind.String ? throw new ProvisioningHookException($"{name} in its HTTP {status} answer is not a string")
        : value.GetString() is { Length: > 0 } text ? text
        : null;

    private static string? Url(JsonElement root, string name, int status) =>
        Text(root, name, status) is not { } url ? null
        : Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? url
        : throw new ProvisioningHookException($"{name} in its HTTP {status} answer is not an absolute http(s) URL");
}
