using System.Net;
using Provisioning.KooGallery;
using Provisioning.Marketplace.OpenApi;

namespace Provisioning.Simulator.Scenarios;

/// <summary>
/// An activation code's life (license §B.2): the buyer's claimed code activated through the License API, checked from the cache,
/// used, frozen and unfrozen, renewed, its renewal period cancelled, and released for good; every callback sent twice.
/// </summary>
public sealed class LicenseCodesLifecycleScenario : IScenario
{
    /// <inheritdoc />
    public string Name => "license-codes-lifecycle";

    /// <inheritdoc />
    public string Description => "an activation code activated, checked from the cache, used, frozen, unfrozen, renewed, its renewal cancelled, released twice";

    /// <inheritdoc />
    public async Task Play(ScenarioPlay play)
    {
        var steps = LicenseCodeSteps.For(play);
        var code = LicenseCodeSteps.NewCode();
        var now = DateTimeOffset.UtcNow;
        var expiry = LicenseCodeSteps.Whole(now.AddDays(300));

        // Activation answers an estimate; the query right after it is the authority (§8 #17).
        await steps.Register(code, new CodeScript(ExpireTime: expiry, EstimatedExpireTime: expiry.AddDays(65)));
        await steps.Standing("activate: may run until the query's expiry, not the estimate's", () => steps.Software.Activate(code),
            LicenseCodeSteps.MayRun(true), LicenseCodeSteps.Is("active"), LicenseCodeSteps.Expires(expiry));
        await steps.Saw("the fake activated the code once and queried it once", code, t =>
            t.Activations != 1 ? $"{t.Activations} activations, expected 1" : LicenseCodeSteps.Queried(1)(t));
        await steps.Status("status", code, LicenseCodeSteps.MayRun(true), LicenseCodeSteps.Expires(expiry));
        await steps.Standing("activate again", () => steps.Software.Activate(code), LicenseCodeSteps.MayRun(true), LicenseCodeSteps.Expires(expiry));
        await steps.Saw("status and activation the same day are answered from the cache", code, t =>
            t.Activations != 1 ? $"{t.Activations} activations, expected 1" : LicenseCodeSteps.Queried(1)(t));

        await steps.ReportUsers("usage of two users", code, "user-001", "user-002");
        await steps.Saw("the fake took the usage", code, t =>
            t.UsageReports == 1 && t.UsageIds.SequenceEqual(["user-001", "user-002"]) ? null : $"{t.UsageReports} reports with ids {string.Join(", ", t.UsageIds)}");

        await steps.Change("KooGallery expires the code", code, new CodeChange(Status: CodeStatus.Expired));
        await steps.SetStatus(code, "FREEZE");
        await steps.Status("status while frozen", code, LicenseCodeSteps.MayRun(false), LicenseCodeSteps.Is("frozen"), LicenseCodeSteps.Says("KooGallery"));
        await steps.Change("the buyer renews on KooGallery", code, new CodeChange(Status: CodeStatus.Alive));
        await steps.SetStatus(code, "UNFREEZE");
        await steps.Status("status after the unfreeze", code, LicenseCodeSteps.MayRun(true), LicenseCodeSteps.Is("active"));
        await steps.Saw("the unfreeze had the code queried again", code, LicenseCodeSteps.Queried(2));

        var renewed = expiry.AddDays(365);
        await steps.Change("KooGallery renews the code", code, new CodeChange(ExpireTime: renewed));
        await steps.Renew("refreshLicenseCode RENEWAL", code, $"{code}-RENEW", renewed);
        await steps.Status("status shows the renewed expiry", code, LicenseCodeSteps.MayRun(true), LicenseCodeSteps.Expires(renewed));
        await steps.Saw("the renewal had the code queried again", code, LicenseCodeSteps.Queried(3));

        var cancelled = expiry.AddDays(30);
        await steps.Change("KooGallery cancels the renewal period", code, new CodeChange(ExpireTime: cancelled));
        await steps.Renew("refreshLicenseCode UNSUBSCRIBE_RENEWAL_PERIOD", code, $"{code}-CANCEL", cancelled, "UNSUBSCRIBE_RENEWAL_PERIOD");
        await steps.Status("status shows the earlier expiry", code, LicenseCodeSteps.MayRun(true), LicenseCodeSteps.Expires(cancelled));

        await steps.Change("KooGallery releases the code", code, new CodeChange(Status: CodeStatus.Released));
        await steps.Release("releaseLicenseCode", code);
        await steps.Status("status after the release", code, LicenseCodeSteps.MayRun(false), LicenseCodeSteps.Is("released"));
        await steps.Standing("activate after the release", () => steps.Software.Activate(code), LicenseCodeSteps.MayRun(false), LicenseCodeSteps.Is("released"));
        await steps.Answered("usage after the release", () => steps.Software.ReportUsers(code, "user-001"), HttpStatusCode.Conflict);
        await steps.Twice("refreshLicenseCode after the release", ResultCodes.InstanceNotFound, "refreshLicenseCode",
            LicenseCodeSteps.RenewalFields(code, $"{code}-LATE", renewed, "RENEWAL", test: false));
        await steps.Status("a renewal cannot bring a released code back", code, LicenseCodeSteps.MayRun(false), LicenseCodeSteps.Is("released"));
        await steps.Saw("nothing after the release reached the fake", code, t =>
            t.UsageReports != 1 ? $"{t.UsageReports} usage reports, expected 1" : LicenseCodeSteps.Queried(4)(t));
    }
}
