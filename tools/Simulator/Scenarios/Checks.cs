using System.Text.Json;
using Provisioning.KooGallery;
using Provisioning.Marketplace.Callbacks;

namespace Provisioning.Simulator.Scenarios;

/// <summary>The requirements scenarios put on answers beyond their result code.</summary>
public static class Checks
{
    /// <summary>A top-level string field is present and not empty.</summary>
    public static AnswerCheck Has(string field) =>
        answer => string.IsNullOrEmpty(answer.Text(field)) ? $"{field} is missing" : null;

    /// <summary>A top-level string field equals an earlier value.</summary>
    public static AnswerCheck Same(string field, string? expected) =>
        answer => answer.Text(field) == expected ? null : $"{field} is {answer.Text(field) ?? "missing"}, expected {expected}";

    /// <summary>The appInfo of a newInstance answer is byte-for-byte the same JSON as an earlier one.</summary>
    public static AnswerCheck SameAppInfo(MarketplaceAnswer earlier) =>
        answer => answer.Element("appInfo")?.GetRawText() == earlier.Element("appInfo")?.GetRawText() ? null : "appInfo differs from the first answer";

    /// <summary>A newInstance answer's appInfo has a frontEndUrl and credentials that decrypt with <paramref name="key"/>.</summary>
    public static AnswerCheck OpenedWithCredentials(string key) =>
        answer => AppInfo(answer, answer.Element("appInfo"), key);

    /// <summary>The first instance of a queryInstance answer is <paramref name="instanceId"/>, with credentials that decrypt with <paramref name="key"/>.</summary>
    public static AnswerCheck QueriedWithCredentials(string? instanceId, string key) =>
        answer => QueriedInstance(answer, instanceId) ?? AppInfo(answer, answer.FirstInfo?.TryGetProperty("appInfo", out var app) == true ? app : null, key);

    /// <summary>The first instance of a queryInstance answer is <paramref name="instanceId"/>.</summary>
    public static AnswerCheck Queried(string? instanceId) =>
        answer => QueriedInstance(answer, instanceId);

    /// <summary>A queryInstance answer lists no instance: the ones asked for are released or unknown.</summary>
    public static AnswerCheck NoInstances() =>
        answer => answer.FirstInfo is null ? null : "info lists an instance that should be gone";

    /// <summary>The exchange took at least <paramref name="least"/> (so the body really was trickled) and less than <paramref name="limit"/>.</summary>
    public static AnswerCheck TookBetween(TimeSpan least, TimeSpan limit) =>
        answer => answer.Elapsed < least ? $"took {answer.Elapsed.TotalMilliseconds:0} ms, less than {least.TotalMilliseconds:0} ms: the body was not trickled"
            : answer.Elapsed >= limit ? $"took {answer.Elapsed.TotalMilliseconds:0} ms, past the marketplace's {limit.TotalSeconds:0} s timeout"
            : null;

    private static string? QueriedInstance(MarketplaceAnswer answer, string? instanceId) =>
        answer.FirstInfo is { } info && info.TryGetProperty("instanceId", out var id) && id.GetString() == instanceId
            ? null
            : $"info[0].instanceId is not {instanceId}";

    private static string? AppInfo(MarketplaceAnswer answer, JsonElement? appInfo, string key)
    {
        if (appInfo is not { ValueKind: JsonValueKind.Object } app)
        {
            return "appInfo is missing";
        }

        if (!app.TryGetProperty("frontEndUrl", out var url) || string.IsNullOrEmpty(url.GetString()))
        {
            return "appInfo.frontEndUrl is missing";
        }

        var encryptType = answer.Text("encryptType");
        var type = EncryptTypes.Default;
        if (encryptType is not null && !EncryptTypes.TryParse(encryptType, out type))
        {
            return $"encryptType {encryptType} is unknown";
        }

        var cipher = new FieldCipher(key, type);
        return Decrypts(app, "userName", cipher) ?? Decrypts(app, "password", cipher);
    }

    private static string? Decrypts(JsonElement app, string field, FieldCipher cipher) =>
        app.TryGetProperty(field, out var value) && cipher.TryDecrypt(value.GetString(), out var plain) && plain.Length > 0
            ? null
            : $"appInfo.{field} does not decrypt to a non-empty value";
}
