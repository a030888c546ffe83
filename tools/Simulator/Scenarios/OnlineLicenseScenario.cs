using System.Globalization;
using Provisioning.KooGallery;
using Provisioning.KooGallery.Licenses;
using Provisioning.Marketplace.Callbacks;
using Provisioning.Marketplace.OpenApi;

namespace Provisioning.Simulator.Scenarios;

/// <summary>
/// The online License (license §C.1, §D.3): a live period order for two devices is opened, a buyer applies for a License
/// (000004), and the License arrives at the fake open API's upload, AK/SK signed, under the application's eventId. A repeat
/// answers the same and uploads nothing different; the same event for another device, an application without expiry or
/// device, one device too many and a forged call are refused.
/// </summary>
public sealed class OnlineLicenseScenario : IScenario
{
    private const string DeviceA = "04:7C:16:5E:E3:5D|001B_444A_488B_5CEC.||BFEBFBFF00090672";
    private const string DeviceB = "04:7C:16:5E:E3:5E|001B_444A_488B_5CED.||BFEBFBFF00090673";
    private const string DeviceC = "04:7C:16:5E:E3:5F|||BFEBFBFF00090674";

    private static readonly TimeSpan UploadDeadline = TimeSpan.FromSeconds(20);

    /// <inheritdoc />
    public string Name => "online-license";

    /// <inheritdoc />
    public string Description =>
        "online License: live period order, getLicenseAsync (000004), the License uploaded to the fake open API, repeat, another device for the event, 000902, 000903, 000900, forged";

    /// <inheritdoc />
    public async Task Play(ScenarioPlay play)
    {
        var openApi = play.Require(play.OpenApi, "--openapi or --openapi-port");
        var orderId = V1Purchase.NewOrderId();
        var line = orderId + "-000001";
        var expiry = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddYears(1).ToUnixTimeSeconds());
        await openApi.Script(orderId, new OrderScript(OrderScript.Period, [line], V2LiveOrders.ProductId, "simulator-sku-license", 2, ExpireTime: expiry));
        var id = await V2LiveOrders.Open(play, orderId, line);
        var until = LicenseTime.Format(expiry.AddDays(-1));

        var eventId = NewEventId();
        var first = await play.Step("getLicenseAsync", () => Apply(play, id, eventId, DeviceA, until), Expectation.Code(ResultCodes.InProgress));
        var license = await UploadedAsync(play, openApi, eventId);
        await play.Step("getLicenseAsync again", () => Apply(play, id, eventId, DeviceA, until),
            Expectation.Code(ResultCodes.InProgress).And(Checks.Same("resultMsg", first.ResultMsg)));
        await play.Check("the repeat uploads no other License", async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            return await openApi.Uploads(eventId) is { } trace && trace.Licenses.All(l => l == license)
                ? null
                : $"event {eventId} received another License than the first";
        });

        await play.Step("getLicenseAsync, same eventId, another device", () => Apply(play, id, eventId, DeviceB, until), Expectation.Code(ResultCodes.InvalidParameter));
        await play.Step("getLicenseAsync without expireTime", () => Apply(play, id, NewEventId(), DeviceB, expireTime: null),
            Expectation.Code(LicenseResultCodes.ExpiryRequired));
        await play.Step("getLicenseAsync without deviceFingerprint", () => Apply(play, id, NewEventId(), device: null, until),
            Expectation.Code(LicenseResultCodes.FingerprintRequired));
        await play.Step("getLicenseAsync for the second device", () => Apply(play, id, NewEventId(), DeviceB, until), Expectation.Code(ResultCodes.InProgress));
        await play.Step("getLicenseAsync for a third device", () => Apply(play, id, NewEventId(), DeviceC, until),
            Expectation.Code(LicenseResultCodes.QuotaInsufficient));

        var forgedEvent = NewEventId();
        await play.Step("getLicenseAsync signed with another access key", () => play.V2.Send(
            play.V2.Sign(V2Marketplace.Body("getLicenseAsync", Fields(id, forgedEvent, DeviceC, until)), signingKey: play.AccessKey + "-other")),
            Expectation.Code(ResultCodes.AuthenticationFailed));
        await play.Check("the forged call uploads nothing", async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            return await openApi.Uploads(forgedEvent) is null ? null : $"a License was uploaded for the forged event {forgedEvent}";
        });

        await V2LiveOrders.Release(play, id);
    }

    private static string NewEventId() => "EVT" + Guid.NewGuid().ToString("N")[..20].ToUpperInvariant();

    private static (string, object?)[] Fields(string instanceId, string eventId, string? device, string? expireTime) =>
        [
            ("instanceId", instanceId),
            ("effectiveTime", LicenseTime.Format(DateTimeOffset.UtcNow)),
            ("expireTime", expireTime),
            ("eventId", eventId),
            ("deviceFingerprint", device),
            ("testFlag", "0"),
        ];

    private static Task<MarketplaceAnswer> Apply(ScenarioPlay play, string instanceId, string eventId, string? device, string? expireTime) =>
        play.V2.Call("getLicenseAsync", Fields(instanceId, eventId, device, expireTime));

    // Waits for the License of the event to arrive at the fake's upload, correctly signed, and answers it.
    private static async Task<string?> UploadedAsync(ScenarioPlay play, FakeOpenApiControl openApi, string eventId)
    {
        string? license = null;
        await play.Check("the License is uploaded for the eventId, AK/SK signed", async () =>
        {
            var started = DateTimeOffset.UtcNow;
            while (true)
            {
                var trace = await openApi.Uploads(eventId);
                if (trace is { BadSignatures: > 0 }) return $"{trace.BadSignatures} uploads had a bad AK/SK signature";
                if (trace is { Licenses.Count: > 0 })
                {
                    license = trace.Licenses[0];
                    return null;
                }

                if (DateTimeOffset.UtcNow - started > UploadDeadline)
                {
                    return string.Create(CultureInfo.InvariantCulture, $"no License arrived for event {eventId} within {UploadDeadline.TotalSeconds} s");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }
        });
        return license;
    }
}
