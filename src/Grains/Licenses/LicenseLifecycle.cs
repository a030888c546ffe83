using Provisioning.Grains.Instances;

namespace Provisioning.Grains.Licenses;

/// <summary>What the state machine decided: the answer, and for a new purchase or renewal the terms to issue a License for first.</summary>
internal readonly record struct LicenseStep(Decision Decision, LicenseTerms? ToIssue = null);

/// <summary>
/// The License state machine: (none →) active ⇄ frozen → released. Issuing is two steps, since the License comes from a port:
/// <see cref="Issue"/> or <see cref="Renew"/> decide and name the terms, and only once the License is in hand
/// <see cref="Issued"/> or <see cref="Renewed"/> change the state, so a failed issuer leaves it as it was.
/// </summary>
internal sealed class LicenseLifecycle(LicenseState state, LicenseAddress address, DateTimeOffset now)
{
    private string Id => address.InstanceId;

    public LicenseStep Issue(IssueLicense command)
    {
        // The same message as the first answer, so every repeat of the purchase is answered byte for byte alike.
        if (state.IsIssued) return new(Decision.AlreadyApplied($"license {Id} issued for order {state.OrderId}"));

        var terms = new LicenseTerms(Id, address.Traffic, command.ProductId, command.SkuCode, command.CustomerId, now, command.ExpiresAt, command.Quantity);
        return new(Decision.Applied($"license {Id} issued for order {command.OrderId}"), terms);
    }

    public void Issued(IssueLicense command, string license)
    {
        state.Status = LicenseStatus.Active;
        state.OrderId = command.OrderId;
        state.CustomerId = command.CustomerId;
        state.ProductId = command.ProductId;
        state.SkuCode = command.SkuCode;
        state.ExpiresAt = command.ExpiresAt;
        state.Quantity = command.Quantity;
        state.IssuedAt = now;
        state.FirstLicense = state.CurrentLicense = license;
    }

    public LicenseStep Renew(RenewLicense command)
    {
        if (Precondition() is { } refusal) return new(refusal);
        if (state.AppliedRenewals.Contains(command.OrderId)) return new(Decision.AlreadyApplied($"renewal order {command.OrderId} already applied"));

        var terms = new LicenseTerms(
            Id, address.Traffic, command.ProductId ?? state.ProductId, state.SkuCode, state.CustomerId, now, command.ExpiresAt, state.Quantity);
        return new(Decision.Applied($"license {Id} renewed until {command.ExpiresAt:yyyy-MM-dd HH:mm:ss}Z"), terms);
    }

    public void Renewed(RenewLicense command, string license)
    {
        state.AppliedRenewals.Add(command.OrderId);
        state.ExpiresAt = command.ExpiresAt;
        state.ProductId = command.ProductId ?? state.ProductId;
        state.CurrentLicense = license;

        // The retired guide has no unfreeze call: a renewal paid during the freeze period brings the License back.
        if (state.Status == LicenseStatus.Frozen && command.ExpiresAt > now) state.Status = LicenseStatus.Active;
    }

    public Decision Expire(ExpireLicense command)
    {
        if (Precondition() is { } refusal) return refusal;
        if (state.Status == LicenseStatus.Frozen) return Decision.AlreadyApplied($"license {Id} is already frozen");

        state.Status = LicenseStatus.Frozen;
        return Decision.Applied($"license {Id} frozen (order {command.OrderId})");
    }

    public Decision Release(ReleaseLicense command)
    {
        // A release may follow an order whose License was never issued (license spec §E, §8 #15): there is nothing to revoke.
        if (!state.IsIssued) return Decision.AlreadyApplied($"license {Id} was never issued; nothing to release");
        if (state.Status == LicenseStatus.Released) return Decision.AlreadyApplied($"license {Id} was already released");

        state.Status = LicenseStatus.Released;
        return Decision.Applied($"license {Id} released");
    }

    private Decision? Precondition() =>
        !state.IsIssued ? new Decision(InstanceOutcome.NotFound, $"license {Id} does not exist")
        : state.Status == LicenseStatus.Released ? new Decision(InstanceOutcome.Released, $"license {Id} has been released")
        : null;
}
