using Provisioning.KooGallery;
using Provisioning.Marketplace.Callbacks;

namespace Provisioning.Simulator.Scenarios;

/// <summary>The whole life of a License of the retired License callbacks (license spec §A), with repeats and forged calls.</summary>
public sealed class LicenseCallbacksScenario : IScenario
{
    /// <inheritdoc />
    public string Name => "license-callbacks";

    /// <inheritdoc />
    public string Description => "License: getLicense, forged and repeated getLicense, renew twice, expire twice, renew, forged release, release twice";

    /// <inheritdoc />
    public async Task Play(ScenarioPlay play)
    {
        var orderId = V1Purchase.NewOrderId();
        var purchase = Purchase(orderId);
        var refused = Expectation.Code(ResultCodes.AuthenticationFailed);
        var forgedKey = play.Key + "-other";

        var bought = await play.Step("getLicense", () => play.V1.Call("getLicense", purchase),
            V1Steps.Success.And(Checks.Has("instanceId")).And(IsSignedToken));
        var id = bought.Text("instanceId") ?? string.Empty;
        (string, string) instance = ("instanceId", id);

        await play.Step("getLicense signed with another Key", () => play.V1.Send(play.V1.Sign("getLicense", V1Purchase.Resent(purchase), signingKey: forgedKey)), refused);
        await play.Step("getLicense again", () => play.V1.Call("getLicense", V1Purchase.Resent(purchase)), V1Steps.Success.And(SameBytes(bought)));

        (string, string)[] renewal = [instance, ("orderId", V1Purchase.NewOrderId()), ("expireTime", V1Purchase.NextYear()), ("periodType", "year"), ("periodNumber", "1")];
        await play.Step("refreshLicense", () => play.V1.Call("refreshLicense", renewal), V1Steps.Success);
        await play.Step("refreshLicense again", () => play.V1.Call("refreshLicense", renewal), V1Steps.Success);
        await play.Step("expireLicense", () => play.V1.Call("expireLicense", instance, ("orderId", orderId)), V1Steps.Success);
        await play.Step("expireLicense again", () => play.V1.Call("expireLicense", instance, ("orderId", orderId)), V1Steps.Success);
        await play.Step("refreshLicense after expiry", () => play.V1.Call("refreshLicense",
            instance, ("orderId", V1Purchase.NewOrderId()), ("expireTime", V1Purchase.NextYear()), ("periodType", "year"), ("periodNumber", "1")), V1Steps.Success);
        await play.Step("getLicense after renewals", () => play.V1.Call("getLicense", V1Purchase.Resent(purchase)), V1Steps.Success.And(SameBytes(bought)));

        await play.Step("releaseLicense signed with another Key", () => play.V1.Send(play.V1.Sign("releaseLicense", [instance, ("orderId", orderId)], signingKey: forgedKey)), refused);
        await play.Step("releaseLicense", () => play.V1.Call("releaseLicense", instance, ("orderId", orderId)), V1Steps.Success);
        await play.Step("releaseLicense again", () => play.V1.Call("releaseLicense", instance, ("orderId", orderId)), V1Steps.Success);
        await play.Step("refreshLicense after release", () => play.V1.Call("refreshLicense",
            instance, ("orderId", V1Purchase.NewOrderId()), ("expireTime", V1Purchase.NextYear())), Expectation.Code(ResultCodes.InstanceNotFound));
    }

    private static (string Name, string Value)[] Purchase(string orderId) =>
    [
        ("businessId", Guid.NewGuid().ToString()),
        ("orderId", orderId),
        ("customerId", "simulator-license-customer"),
        ("customerName", "simulator"),
        ("productId", "00301-simulator-license-0--0"),
        ("skuCode", "simulator-license-sku"),
        ("expireTime", V1Purchase.NextYear()),
        ("periodType", "year"),
        ("amount", "5"),
    ];

    // The default issuer's License is a compact JWS: three base64url parts.
    private static string? IsSignedToken(MarketplaceAnswer answer) =>
        answer.Text("license") is { } license && license.Split('.') is { Length: 3 } parts && parts.All(p => p.Length > 0 && p.All(IsBase64Url))
            ? null
            : $"license is {answer.Text("license") ?? "missing"}, not a compact JWS";

    private static bool IsBase64Url(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';

    private static AnswerCheck SameBytes(MarketplaceAnswer earlier) =>
        answer => answer.Body.AsSpan().SequenceEqual(earlier.Body) ? null : "the answer differs from the first getLicense answer";
}
