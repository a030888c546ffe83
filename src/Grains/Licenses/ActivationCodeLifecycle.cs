using System.Globalization;
using Provisioning.Grains.Instances;

namespace Provisioning.Grains.Licenses;

/// <summary>
/// The activation code state machine (license spec §B.2, §7, §8 #6, #12, #14, #15, #17): each method checks a callback or a
/// marketplace answer against the state and changes it only when it is new. It never throws for an illegal transition: it
/// answers with the <see cref="CodeReply"/> the marketplace should see.
/// </summary>
internal sealed class ActivationCodeLifecycle(ActivationCodeState state, ActivationCodeAddress address, DateTimeOffset now)
{
    private string Code => address.Code;

    /// <summary>Sets the expiry as sent, once per order; a renewal that runs into the future also ends a freeze.</summary>
    public CodeReply Renew(RenewCode command)
    {
        if (Unusable(releasing: false) is { } refusal) return refusal;
        // A repeat answers as the first did, so the marketplace sees identical answers.
        var applied = $"order {command.OrderId} applied to code {Code}";
        if (!state.AppliedOrders.Add(command.OrderId)) return Already(applied);

        state.ExpiresAt = command.ExpiresAt;
        state.ProductId = command.ProductId ?? state.ProductId;
        state.RecheckDue = true;
        if (!command.CancelsRenewal)
        {
            state.Renewed = true;
            if (command.ExpiresAt > now)
            {
                if (state.Status == ActivationCodeStatus.Frozen) state.Status = ActivationCodeStatus.Active;
                if (state.Verdict == CodeCheckOutcome.Expired) state.Verdict = CodeCheckOutcome.Alive;
            }
        }

        return Applied(applied);
    }

    /// <summary>Freezes the code, unless a renewal whose expiry is still ahead came first: then the freeze is out of date.</summary>
    public CodeReply Freeze()
    {
        if (Unusable(releasing: false) is { } refusal) return refusal;
        if (state.Status == ActivationCodeStatus.Frozen) return Already($"code {Code} frozen");
        if (state.Renewed && state.ExpiresAt > now) return Already($"code {Code} was renewed until {Shown(state.ExpiresAt.Value)}; the freeze is out of date");

        state.Status = ActivationCodeStatus.Frozen;
        return Applied($"code {Code} frozen");
    }

    public CodeReply Unfreeze()
    {
        if (Unusable(releasing: false) is { } refusal) return refusal;
        if (state.Status == ActivationCodeStatus.Active) return Already($"code {Code} unfrozen");

        state.Status = ActivationCodeStatus.Active;
        state.RecheckDue = true;
        return Applied($"code {Code} unfrozen");
    }

    /// <summary>Releases the code for good; releasing one never seen or already released succeeds without a change (§8 #15).</summary>
    public CodeReply Release(ReleaseCode command)
    {
        if (Unusable(releasing: true) is { } refusal) return refusal;

        state.Status = ActivationCodeStatus.Released;
        state.ReleaseOrderId = command.OrderId;
        return Applied($"code {Code} released");
    }

    /// <summary>The code must be activated with the marketplace: never here, or the marketplace says it is not.</summary>
    public bool NeedsActivation =>
        state.Status == ActivationCodeStatus.Unknown || (state.Status != ActivationCodeStatus.Released && state.Verdict == CodeCheckOutcome.NotActivated);

    /// <summary>An active code is checked with the marketplace once per UTC day, and again after a renewal or an unfreeze.</summary>
    public bool CheckDue =>
        state.Status == ActivationCodeStatus.Active
        && (state.RecheckDue || state.LastQueryAt is not { } last || last.UtcDateTime.Date != now.UtcDateTime.Date);

    /// <summary>Activation succeeded: the code is active, with the marketplace's estimate of its expiry until a query replaces it.</summary>
    public void Activated(CodeCheck check)
    {
        if (state.Status == ActivationCodeStatus.Unknown) state.Status = ActivationCodeStatus.Active;
        Confirmed(check);
    }

    /// <summary>Records what a query said; an answer that says nothing about the code (no connection, refused credentials) changes only the time asked.</summary>
    public void Checked(CodeCheck check)
    {
        state.LastQueryAt = now;
        state.RecheckDue = false;
        switch (check.Outcome)
        {
            case CodeCheckOutcome.Alive:
                Activated(check);
                break;
            case CodeCheckOutcome.Expired:
                if (state.Status == ActivationCodeStatus.Unknown) state.Status = ActivationCodeStatus.Active;
                state.Verdict = CodeCheckOutcome.Expired;
                state.ExpiresAt = check.ExpiresAt ?? state.ExpiresAt;
                state.ActivatedAt ??= check.ActivatedAt;
                break;
            case CodeCheckOutcome.Released:
                state.Verdict = CodeCheckOutcome.Released;
                state.Status = ActivationCodeStatus.Released;
                break;
            case CodeCheckOutcome.NotActivated or CodeCheckOutcome.NotFound:
                state.Verdict = check.Outcome;
                break;
        }
    }

    /// <summary>Where the code stands now, with <paramref name="grace"/> as the longest run since the marketplace last confirmed it.</summary>
    public CodeStanding Standing(TimeSpan grace)
    {
        var until = OfflineUntil(grace);
        var (codeState, mayRun, message) = this switch
        {
            _ when state.Status == ActivationCodeStatus.Released || state.Verdict == CodeCheckOutcome.Released =>
                (CodeState.Released, false, "This licence was released on KooGallery: buy a new one to use the software again."),
            _ when state.Status == ActivationCodeStatus.Unknown || state.Verdict == CodeCheckOutcome.NotActivated =>
                (CodeState.NotActivated, false, "This code is not activated: activate it first."),
            _ when state.Verdict == CodeCheckOutcome.NotFound =>
                (CodeState.Invalid, false, "KooGallery knows no such code: check it (我的云商店 > 已购买资源 > 资源详情) and enter it again."),
            _ when state.Status == ActivationCodeStatus.Frozen =>
                (CodeState.Frozen, false, "This licence is frozen: renew it on Huawei Cloud KooGallery (我的云商店 > 已购买资源). Your data is kept."),
            _ when state.Verdict == CodeCheckOutcome.Expired || state.ExpiresAt <= now =>
                (CodeState.Expired, false, ExpiredMessage()),
            _ when until is null || until <= now =>
                (CodeState.Active, false, state.LastGoodCheckAt is { } confirmed
                    ? $"KooGallery has not confirmed this licence since {Shown(confirmed)}: connect to the internet so it can be checked."
                    : "KooGallery has not confirmed this licence yet: connect to the internet so it can be checked."),
            _ when state.LastQueryAt > state.LastGoodCheckAt =>
                (CodeState.Active, true, $"KooGallery could not be reached: the software may run offline until {Shown(until!.Value)}."),
            _ => (CodeState.Active, true, state.ExpiresAt is { } expiry ? $"Licensed until {Shown(expiry)}." : "Licensed."),
        };
        return new CodeStanding(
            Code, codeState, mayRun, state.ExpiresAt, state.ActivatedAt, state.LastGoodCheckAt, mayRun ? until : null,
            state.ProductId, state.OrderId, state.Amount, message);
    }

    /// <summary>A code not activated here, about which the marketplace could say nothing useful.</summary>
    public CodeStanding Unanswered(CodeCheck check)
    {
        var (problem, message) = check.Outcome switch
        {
            CodeCheckOutcome.NotClaimed => (CodeProblem.NotClaimed, "Claim the code in 买家中心 > 服务监管 on Huawei Cloud KooGallery first, then activate it again."),
            CodeCheckOutcome.NotFound => (CodeProblem.NotFound, "KooGallery knows no such code: check it (我的云商店 > 已购买资源 > 资源详情) and enter it again."),
            CodeCheckOutcome.Refused => (CodeProblem.Refused, "KooGallery refused the seller's request: the seller must check its KooGallery configuration."),
            _ => (CodeProblem.Unavailable, "KooGallery could not be reached: try again later."),
        };
        return Standing(TimeSpan.Zero) with { State = problem == CodeProblem.NotFound ? CodeState.Invalid : CodeState.NotActivated, Message = message, Problem = problem };
    }

    private DateTimeOffset? OfflineUntil(TimeSpan grace)
    {
        if (state.LastGoodCheckAt is not { } confirmed) return null;
        var until = confirmed + grace;
        return state.ExpiresAt is { } expiry && expiry < until ? expiry : until;
    }

    private string ExpiredMessage() => state.ExpiresAt is { } expiry && expiry <= now
        ? $"This licence expired on {Shown(expiry)}: renew it on Huawei Cloud KooGallery (我的云商店 > 已购买资源). Your data is kept."
        : "This licence has expired: renew it on Huawei Cloud KooGallery (我的云商店 > 已购买资源). Your data is kept.";

    private void Confirmed(CodeCheck check)
    {
        state.Verdict = CodeCheckOutcome.Alive;
        state.LastGoodCheckAt = now;
        state.ActivatedAt ??= check.ActivatedAt ?? now;
        state.ExpiresAt = check.ExpiresAt ?? state.ExpiresAt;
        state.ProductId = check.ProductId ?? state.ProductId;
        state.OrderId = check.OrderId ?? state.OrderId;
        state.Amount = check.Amount ?? state.Amount;
    }

    /// <summary>A code never seen or released: refused, except a release (§8 #15) and test traffic (§8 #14), which succeed unchanged.</summary>
    private CodeReply? Unusable(bool releasing)
    {
        var test = address.Traffic == Traffic.Test;
        return state.Status switch
        {
            ActivationCodeStatus.Unknown when releasing => Already($"code {Code} was never activated here; nothing to release"),
            ActivationCodeStatus.Unknown => test ? new(CodeOutcome.AcceptedForTest, $"test code {Code} accepted") : new(CodeOutcome.NotFound, $"code {Code} does not exist"),
            ActivationCodeStatus.Released when releasing => Already($"code {Code} released"),
            ActivationCodeStatus.Released => test ? new(CodeOutcome.AcceptedForTest, $"test code {Code} accepted") : new(CodeOutcome.Released, $"code {Code} has been released"),
            _ => null,
        };
    }

    private static CodeReply Applied(string message) => new(CodeOutcome.Applied, message);

    private static CodeReply Already(string message) => new(CodeOutcome.AlreadyApplied, message);

    private static string Shown(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
