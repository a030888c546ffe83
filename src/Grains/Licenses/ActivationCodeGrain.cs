using Microsoft.Extensions.Options;
using Provisioning.Grains.Storage;

namespace Provisioning.Grains.Licenses;

/// <summary>
/// One activation code: the marketplace's callbacks change it through <see cref="ActivationCodeLifecycle"/>, the seller's software
/// asks it whether it may run, and it asks the marketplace (<see cref="IActivationCodeMarketplace"/>) only when it must.
/// </summary>
[GrainType("activation-code")]
internal sealed class ActivationCodeGrain(
    [PersistentState("activation-code", StorageNames.Grains)] IPersistentState<ActivationCodeState> state,
    IActivationCodeMarketplace marketplace,
    IOptions<ActivationCodeOptions> options,
    TimeProvider clock)
    : Grain, IActivationCodeGrain
{
    private ActivationCodeAddress Address => ActivationCodeAddress.FromGrainKey(this.GetPrimaryKeyString());

    private TimeSpan Grace => options.Value.OfflineGrace;

    Task<CodeReply> IActivationCodeGrain.Renew(RenewCode command) => Apply(life => life.Renew(command));

    Task<CodeReply> IActivationCodeGrain.Freeze() => Apply(life => life.Freeze());

    Task<CodeReply> IActivationCodeGrain.Unfreeze() => Apply(life => life.Unfreeze());

    Task<CodeReply> IActivationCodeGrain.Release(ReleaseCode command) => Apply(life => life.Release(command));

    async Task<CodeStanding> IActivationCodeGrain.Activate(ActivateCode command)
    {
        if (!Life().NeedsActivation) return Life().Standing(Grace);

        var activation = await marketplace.ActivateAsync(Address.Code, command.EffectiveAt, CancellationToken.None);
        switch (activation.Outcome)
        {
            case CodeCheckOutcome.Alive:
                Life().Activated(activation);
                // The activation's expiry is an estimate: the query's replaces it at once (§8 #17).
                Life().Checked(await marketplace.QueryAsync(Address.Code, CancellationToken.None));
                break;
            case CodeCheckOutcome.AlreadyActivated:
                var query = await marketplace.QueryAsync(Address.Code, CancellationToken.None);
                if (Life().NeedsActivation && query.Outcome is not (CodeCheckOutcome.Alive or CodeCheckOutcome.Expired or CodeCheckOutcome.Released))
                {
                    return Life().Unanswered(query);
                }

                Life().Checked(query);
                break;
            case CodeCheckOutcome.Expired or CodeCheckOutcome.Released:
                Life().Checked(activation);
                break;
            default:
                return Life().Unanswered(activation);
        }

        await WriteAsync();
        return Life().Standing(Grace);
    }

    async Task<CodeStanding> IActivationCodeGrain.GetStanding()
    {
        if (Life().CheckDue)
        {
            Life().Checked(await marketplace.QueryAsync(Address.Code, CancellationToken.None));
            await WriteAsync();
        }

        return Life().Standing(Grace);
    }

    Task<CodeStanding> IActivationCodeGrain.Peek() => Task.FromResult(Life().Standing(Grace));

    async Task<CodeUsageReply> IActivationCodeGrain.ReportUsage(ReportCodeUsage command)
    {
        var standing = Life().Standing(Grace);
        if (standing.State != CodeState.Active) return new CodeUsageReply(CodeUsageOutcome.NotActive, standing.Message);

        var result = await marketplace.ReportUsageAsync([new CodeUsage(Address.Code, command.UserIds, command.ActiveCount)], CancellationToken.None);
        var outcome = result switch
        {
            { Accepted: true } when !result.RejectedCodes.Contains(Address.Code) => CodeUsageOutcome.Accepted,
            { Transient: true } => CodeUsageOutcome.Unavailable,
            _ => CodeUsageOutcome.Rejected,
        };
        return new CodeUsageReply(outcome, result.Message);
    }

    /// <summary>The state machine at this moment: every marketplace answer is applied at the time it arrived.</summary>
    private ActivationCodeLifecycle Life() => new(state.State, Address, clock.GetUtcNow());

    private async Task<CodeReply> Apply(Func<ActivationCodeLifecycle, CodeReply> command)
    {
        var reply = command(Life());
        if (reply.Outcome == CodeOutcome.Applied) await WriteAsync();
        return reply;
    }

    private Task WriteAsync() => state.WriteOrReloadAsync(DeactivateOnIdle);
}
