using Provisioning.Marketplace.OpenApi;

namespace Provisioning.Simulator.Scenarios;

/// <summary>
/// Renewing a frozen code sends <c>refreshLicenseCode</c> and <c>UNFREEZE</c> in no fixed order (license §8 #12): a renewal whose
/// expiry is ahead ends a freeze by itself, and a <c>FREEZE</c> after a renewal wins only once the renewed expiry has passed.
/// </summary>
public sealed class LicenseCodesOutOfOrderScenario : IScenario
{
    /// <inheritdoc />
    public string Name => "license-codes-out-of-order";

    /// <inheritdoc />
    public string Description => "activation codes: freeze then renew then unfreeze, unfreeze then renew, a late freeze after a renewal, a freeze after the renewed expiry passed";

    /// <inheritdoc />
    public async Task Play(ScenarioPlay play)
    {
        var steps = LicenseCodeSteps.For(play);
        var expiry = LicenseCodeSteps.Whole(DateTimeOffset.UtcNow.AddDays(10));
        var renewed = expiry.AddDays(365);

        var frozen = LicenseCodeSteps.NewCode();
        await steps.Activated(frozen, expiry);
        await steps.SetStatus(frozen, "FREEZE");
        await steps.Change("the buyer renews the frozen code", frozen, new CodeChange(ExpireTime: renewed));
        await steps.Renew("refreshLicenseCode RENEWAL, no UNFREEZE yet", frozen, $"{frozen}-RENEW", renewed);
        await steps.Status("the renewal ended the freeze", frozen, LicenseCodeSteps.MayRun(true), LicenseCodeSteps.Is("active"), LicenseCodeSteps.Expires(renewed));
        await steps.SetStatus(frozen, "UNFREEZE");
        await steps.Status("the UNFREEZE after the renewal changes nothing", frozen, LicenseCodeSteps.MayRun(true), LicenseCodeSteps.Expires(renewed));

        var unfrozenFirst = LicenseCodeSteps.NewCode();
        await steps.Activated(unfrozenFirst, expiry);
        await steps.SetStatus(unfrozenFirst, "FREEZE");
        await steps.Change("the buyer renews the frozen code", unfrozenFirst, new CodeChange(ExpireTime: renewed));
        await steps.SetStatus(unfrozenFirst, "UNFREEZE");
        await steps.Status("the UNFREEZE before the renewal has the new expiry queried", unfrozenFirst,
            LicenseCodeSteps.MayRun(true), LicenseCodeSteps.Is("active"), LicenseCodeSteps.Expires(renewed));
        await steps.Renew("refreshLicenseCode RENEWAL after the UNFREEZE", unfrozenFirst, $"{unfrozenFirst}-RENEW", renewed);
        await steps.Status("the late renewal keeps the code running", unfrozenFirst, LicenseCodeSteps.MayRun(true), LicenseCodeSteps.Expires(renewed));

        var late = LicenseCodeSteps.NewCode();
        await steps.Activated(late, expiry);
        await steps.Change("the buyer renews", late, new CodeChange(ExpireTime: renewed));
        await steps.Renew("refreshLicenseCode RENEWAL", late, $"{late}-RENEW", renewed);
        await steps.SetStatus(late, "FREEZE");
        await steps.Status("a FREEZE sent before the renewal but arriving after it is out of date", late,
            LicenseCodeSteps.MayRun(true), LicenseCodeSteps.Is("active"), LicenseCodeSteps.Expires(renewed));

        var lapsed = LicenseCodeSteps.NewCode();
        var past = LicenseCodeSteps.Whole(DateTimeOffset.UtcNow.AddDays(-1));
        await steps.Activated(lapsed, expiry);
        await steps.Change("the buyer renews", lapsed, new CodeChange(ExpireTime: renewed));
        await steps.Renew("refreshLicenseCode RENEWAL", lapsed, $"{lapsed}-RENEW", renewed);
        await steps.Change("the renewal period is cancelled back to yesterday", lapsed, new CodeChange(ExpireTime: past));
        await steps.Renew("refreshLicenseCode UNSUBSCRIBE_RENEWAL_PERIOD", lapsed, $"{lapsed}-CANCEL", past, "UNSUBSCRIBE_RENEWAL_PERIOD");
        await steps.Status("the cancelled period has passed", lapsed, LicenseCodeSteps.MayRun(false), LicenseCodeSteps.Is("expired"));
        await steps.SetStatus(lapsed, "FREEZE");
        await steps.Status("a FREEZE after the renewed expiry passed wins", lapsed, LicenseCodeSteps.MayRun(false), LicenseCodeSteps.Is("frozen"));
    }
}
