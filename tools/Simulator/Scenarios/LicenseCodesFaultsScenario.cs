using Provisioning.Marketplace.OpenApi;
using Provisioning.Simulator.Seller;

namespace Provisioning.Simulator.Scenarios;

/// <summary>
/// KooGallery's query failing (license §B.6, §8 #6): a test code (§B.9) activated like any other may still run, within the
/// offline grace from its last confirmation and never past its expiry, when the query answers HTTP 500, times out or answers
/// <c>92020001</c>; a code whose query says <c>EXPIRED</c> is blocked at once.
/// </summary>
public sealed class LicenseCodesFaultsScenario : IScenario
{
    /// <summary>More failures than the gateway may retry (at most 10 retries), so every attempt of one check fails.</summary>
    private const int Failures = 11;

    /// <summary>The longest offline grace the spec allows: the 15-day freeze period.</summary>
    private static readonly TimeSpan GraceCap = TimeSpan.FromDays(15);

    /// <inheritdoc />
    public string Name => "license-codes-faults";

    /// <inheritdoc />
    public string Description => "a test activation code may run offline while the query fails (HTTP 500, timeout, 92020001); a query saying EXPIRED blocks at once";

    /// <inheritdoc />
    public async Task Play(ScenarioPlay play)
    {
        var steps = LicenseCodeSteps.For(play);
        foreach (var fault in new[] { CodeFault.ServerError, CodeFault.Timeout, CodeFault.InternalError })
        {
            await RunsOffline(steps, fault);
        }

        var expired = LicenseCodeSteps.NewCode();
        await steps.Register(expired, new CodeScript(Activated: true, Status: CodeStatus.Expired));
        await steps.Standing("activate a code activated elsewhere whose query says EXPIRED", () => steps.Software.Activate(expired),
            LicenseCodeSteps.MayRun(false), LicenseCodeSteps.Is("expired"), LicenseCodeSteps.Says("renew"));
        await steps.Saw("the fake refused the second activation and was queried", expired, t =>
            t.RefusedActivations != 1 ? $"{t.RefusedActivations} refused activations, expected 1" : LicenseCodeSteps.Queried(1)(t));
    }

    private static async Task RunsOffline(LicenseCodeSteps steps, CodeFault fault)
    {
        var code = "TEST" + LicenseCodeSteps.NewCode();
        var renewed = LicenseCodeSteps.Whole(DateTimeOffset.UtcNow.AddDays(400));
        var activated = await steps.Activated(code, LicenseCodeSteps.Whole(DateTimeOffset.UtcNow.AddDays(30)));

        // A renewal has the code queried again at the next check, which the faults then fail.
        await steps.Change("the buyer renews the test code", code, new CodeChange(ExpireTime: renewed));
        await steps.Renew("refreshLicenseCode RENEWAL", code, $"{code}-RENEW", renewed);
        await steps.Play.Check($"the fake's next queries of the code fail: {fault}", async () =>
        {
            await steps.OpenApi.InjectCodeFaults(code, fault, Failures);
            return null;
        });
        await steps.Status($"status while the query fails ({fault})", code, LicenseCodeSteps.MayRun(true), LicenseCodeSteps.Expires(renewed),
            Unconfirmed(activated), LicenseCodeSteps.Says("offline until"));
        await steps.Saw("the fault was played", code, t => t.FaultsPlayed > 0 ? null : "no fault was played: the gateway did not query the code");
    }

    /// <summary>The last confirmation stays the activation's, and the software may run offline for a while from it, within the cap.</summary>
    private static StandingCheck Unconfirmed(LicenseStanding activated) => s =>
        s.LastCheckedAt != activated.LastCheckedAt ? $"lastCheckedAt is {s.LastCheckedAt:O}, expected the activation's {activated.LastCheckedAt:O}"
        : s.OfflineUntil is not { } until ? "offlineUntil is missing"
        : until <= DateTimeOffset.UtcNow || until > activated.LastCheckedAt + GraceCap ? $"offlineUntil {until:O} is not within 15 days of {activated.LastCheckedAt:O}"
        : null;
}
