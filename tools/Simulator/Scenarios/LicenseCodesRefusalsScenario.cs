using System.Net;
using Provisioning.KooGallery;
using Provisioning.Marketplace.Callbacks;
using Provisioning.Marketplace.OpenApi;

namespace Provisioning.Simulator.Scenarios;

/// <summary>
/// What the activation code callbacks and the License API refuse: callbacks not signed with the License key, stale or replayed
/// (000001, nothing changed), unknown codes (000003 live, 000000 for test traffic and for a release), a code the buyer has not
/// claimed or KooGallery does not know, and a wrong License API key.
/// </summary>
public sealed class LicenseCodesRefusalsScenario : IScenario
{
    private static readonly TimeSpan Age = TimeSpan.FromMinutes(5);

    /// <inheritdoc />
    public string Name => "license-codes-refusals";

    /// <inheritdoc />
    public string Description => "activation code callbacks forged, signed with the V2 access key, stale or replayed are refused; unknown, unclaimed codes and a wrong key are refused";

    /// <inheritdoc />
    public async Task Play(ScenarioPlay play)
    {
        var steps = LicenseCodeSteps.For(play);
        var code = LicenseCodeSteps.NewCode();
        var expiry = LicenseCodeSteps.Whole(DateTimeOffset.UtcNow.AddDays(100));
        await steps.Activated(code, expiry);

        var freeze = V2Marketplace.Body("updateLicenseCodeStatus", ("license", code), ("status", "FREEZE"), ("testFlag", "0"));
        var refused = ResultCodes.AuthenticationFailed;
        await steps.Send("FREEZE with a forged signature", steps.Callbacks.Sign(freeze, signingKey: "forged-" + LicenseCodeSteps.NewCode()), refused);
        await steps.Send("FREEZE signed with the V2 AccessKey instead of the License key", steps.Callbacks.Sign(freeze, signingKey: play.AccessKey), refused);
        await steps.Send("FREEZE signed 5 minutes ago", steps.Callbacks.Sign(freeze, DateTimeOffset.UtcNow - Age), refused);

        var unfreeze = steps.Callbacks.Sign(V2Marketplace.Body("updateLicenseCodeStatus", ("license", code), ("status", "UNFREEZE"), ("testFlag", "0")));
        await steps.Send("UNFREEZE of the active code", unfreeze, ResultCodes.Success);
        await steps.Send("the same UNFREEZE replayed", unfreeze, refused);
        await steps.Send("FREEZE signed over the spent nonce", steps.Callbacks.Sign(freeze, unfreeze.Nonce!, unfreeze.Timestamp!), refused);
        await steps.Twice("FREEZE of the code with testFlag 1", ResultCodes.Success, "updateLicenseCodeStatus", ("license", code), ("status", "FREEZE"), ("testFlag", "1"));
        await steps.Status("the refused callbacks and the test traffic changed nothing", code, LicenseCodeSteps.MayRun(true), LicenseCodeSteps.Is("active"), LicenseCodeSteps.Expires(expiry));

        var unknown = LicenseCodeSteps.NewCode();
        var renewal = LicenseCodeSteps.RenewalFields(unknown, $"{unknown}-RENEW", expiry, "RENEWAL", test: false);
        await steps.Twice("refreshLicenseCode of an unknown code", ResultCodes.InstanceNotFound, "refreshLicenseCode", renewal);
        await steps.Twice("refreshLicenseCode of an unknown code, testFlag 1", ResultCodes.Success, "refreshLicenseCode",
            LicenseCodeSteps.RenewalFields(unknown, $"{unknown}-RENEW", expiry, "RENEWAL", test: true));
        await steps.Twice("releaseLicenseCode of an unknown code", ResultCodes.Success, "releaseLicenseCode", ("license", unknown), ("testFlag", "0"));
        await steps.Answered("status of a code never activated here", () => steps.Software.Status(unknown), HttpStatusCode.NotFound, "activate");

        var unclaimed = LicenseCodeSteps.NewCode();
        await steps.Register(unclaimed, new CodeScript(Claimed: false));
        await steps.Answered("activate a code the buyer has not claimed", () => steps.Software.Activate(unclaimed), HttpStatusCode.Conflict, "服务监管");
        await steps.Saw("the fake refused the activation", unclaimed, t =>
            t is { Activated: false, RefusedActivations: 1 } ? null : $"activated {t.Activated}, {t.RefusedActivations} refused activations");
        await steps.Answered("activate a code KooGallery does not know", () => steps.Software.Activate(unknown), HttpStatusCode.NotFound);
        await steps.Answered("status with a wrong License API key", () => steps.Software.WithKey("wrong-" + LicenseCodeSteps.NewCode()).Status(code), HttpStatusCode.Unauthorized);
        await steps.Saw("KooGallery was not asked again about the code", code, LicenseCodeSteps.Queried(1));
    }
}
