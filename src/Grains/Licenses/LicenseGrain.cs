using Provisioning.Grains.Instances;
using Provisioning.Grains.Storage;

namespace Provisioning.Grains.Licenses;

/// <summary>
/// One License of the retired License callbacks. <see cref="LicenseLifecycle"/> decides; a License comes from the
/// <see cref="ILicenseIssuer"/> once per purchase and once per renewal, and is durable before it is answered. Test traffic
/// naming an unknown or released License is accepted, so replayed dial tests keep passing (license spec §8 #14).
/// </summary>
[GrainType("license")]
internal sealed class LicenseGrain(
    [PersistentState("license", StorageNames.Grains)] IPersistentState<LicenseState> state,
    ILicenseIssuer issuer,
    TimeProvider clock) : Grain, ILicenseGrain
{
    private LicenseAddress Address => LicenseAddress.FromGrainKey(this.GetPrimaryKeyString());

    public async Task<LicenseReply> Issue(IssueLicense command)
    {
        var life = Life();
        var step = life.Issue(command);
        if (step.ToIssue is { } terms)
        {
            var license = await IssueAsync(terms);
            life.Issued(command, license);
            await PersistAsync();
        }

        return Reply(step.Decision);
    }

    public async Task<LicenseReply> Renew(RenewLicense command)
    {
        var life = Life();
        var step = life.Renew(command);
        if (step.ToIssue is { } terms)
        {
            var license = await IssueAsync(terms);
            life.Renewed(command, license);
            await PersistAsync();
        }

        return Reply(step.Decision);
    }

    public Task<LicenseReply> Expire(ExpireLicense command) => Decide(life => life.Expire(command));

    public Task<LicenseReply> Release(ReleaseLicense command) => Decide(life => life.Release(command));

    public Task<LicenseSnapshot?> Get() => Task.FromResult(Snapshot());

    private async Task<LicenseReply> Decide(Func<LicenseLifecycle, Decision> decide)
    {
        var decision = decide(Life());
        if (decision.Outcome == InstanceOutcome.Applied) await PersistAsync();
        return Reply(decision);
    }

    private async Task<string> IssueAsync(LicenseTerms terms)
    {
        var license = await issuer.IssueAsync(terms, CancellationToken.None);
        if (LicenseText.Problem(license) is { } problem)
        {
            throw new InvalidOperationException($"The License issuer answered a License that {problem}.");
        }

        return license;
    }

    private Task PersistAsync() => state.WriteOrReloadAsync(DeactivateOnIdle);

    private LicenseLifecycle Life() => new(state.State, Address, clock.GetUtcNow());

    private LicenseReply Reply(Decision decision)
    {
        if (Address.Traffic == Traffic.Test && decision.Outcome is InstanceOutcome.NotFound or InstanceOutcome.Released)
        {
            decision = new Decision(InstanceOutcome.AcceptedForTest, $"{decision.Message}; accepted as test traffic");
        }

        return new LicenseReply(decision.Outcome, decision.Message, Snapshot());
    }

    private LicenseSnapshot? Snapshot()
    {
        var s = state.State;
        return s.IsIssued
            ? new LicenseSnapshot(Address.InstanceId, Address.Traffic, s.Status, s.OrderId, s.CustomerId, s.ProductId, s.SkuCode, s.ExpiresAt, s.Quantity, s.IssuedAt, s.FirstLicense!, s.CurrentLicense!)
            : null;
    }
}
