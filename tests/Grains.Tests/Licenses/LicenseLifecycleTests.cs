using Provisioning.Grains.Instances;
using Provisioning.Grains.Licenses;

namespace Provisioning.Grains.Tests.Licenses;

public sealed class LicenseLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly LicenseAddress Address = new("lic-1", Traffic.Live);
    private static readonly IssueLicense Purchase = new("CS1", "customer-1", "product-1", "sku-1", Now.AddYears(1), 5);

    private readonly LicenseState _state = new();

    private LicenseLifecycle Life(DateTimeOffset? at = null) => new(_state, Address, at ?? Now);

    private void Issued()
    {
        Life().Issued(Purchase, "LIC-A");
    }

    [Fact]
    public void A_purchase_asks_for_a_License_with_its_terms_and_changes_nothing_until_it_is_issued()
    {
        var step = Life().Issue(Purchase);

        Assert.Equal(InstanceOutcome.Applied, step.Decision.Outcome);
        Assert.Equal(new LicenseTerms("lic-1", Traffic.Live, "product-1", "sku-1", "customer-1", Now, Now.AddYears(1), 5), step.ToIssue);
        Assert.False(_state.IsIssued);
    }

    [Fact]
    public void An_issued_License_is_active_and_is_both_the_first_and_the_current_one()
    {
        Life().Issued(Purchase, "LIC-A");

        Assert.Equal(LicenseStatus.Active, _state.Status);
        Assert.Equal(("CS1", "LIC-A", "LIC-A", Now), (_state.OrderId, _state.FirstLicense, _state.CurrentLicense, _state.IssuedAt));
    }

    [Fact]
    public void A_repeated_purchase_asks_for_no_License()
    {
        Issued();

        var step = Life().Issue(Purchase with { ProductId = "other" });

        Assert.Equal(InstanceOutcome.AlreadyApplied, step.Decision.Outcome);
        Assert.Null(step.ToIssue);
    }

    [Fact]
    public void A_renewal_asks_for_a_License_with_the_new_expiry_and_applies_once()
    {
        Issued();
        var renewal = new RenewLicense("R1", Now.AddYears(2), null);

        var step = Life().Renew(renewal);
        Assert.Equal(new LicenseTerms("lic-1", Traffic.Live, "product-1", "sku-1", "customer-1", Now, Now.AddYears(2), 5), step.ToIssue);
        Life().Renewed(renewal, "LIC-B");

        Assert.Equal(("LIC-A", "LIC-B", Now.AddYears(2)), (_state.FirstLicense, _state.CurrentLicense, _state.ExpiresAt));
        var repeat = Life().Renew(renewal);
        Assert.Equal(InstanceOutcome.AlreadyApplied, repeat.Decision.Outcome);
        Assert.Null(repeat.ToIssue);
    }

    [Fact]
    public void A_renewal_may_change_the_product()
    {
        Issued();
        var renewal = new RenewLicense("R1", Now.AddYears(2), "product-yearly");

        Assert.Equal("product-yearly", Life().Renew(renewal).ToIssue!.ProductId);
        Life().Renewed(renewal, "LIC-B");
        Assert.Equal("product-yearly", _state.ProductId);
    }

    [Fact]
    public void Expiry_freezes_and_a_repeat_succeeds_without_a_change()
    {
        Issued();

        Assert.Equal(InstanceOutcome.Applied, Life().Expire(new ExpireLicense("CS1")).Outcome);
        Assert.Equal(LicenseStatus.Frozen, _state.Status);
        Assert.Equal(InstanceOutcome.AlreadyApplied, Life().Expire(new ExpireLicense("CS1")).Outcome);
    }

    [Fact]
    public void A_renewal_into_the_future_unfreezes_and_one_into_the_past_does_not()
    {
        Issued();
        Life().Expire(new ExpireLicense("CS1"));

        Life().Renewed(new RenewLicense("R0", Now.AddDays(-1), null), "LIC-B");
        Assert.Equal(LicenseStatus.Frozen, _state.Status);

        Life().Renewed(new RenewLicense("R1", Now.AddYears(1), null), "LIC-C");
        Assert.Equal(LicenseStatus.Active, _state.Status);
    }

    [Fact]
    public void Release_revokes_for_good_and_repeats_succeed()
    {
        Issued();

        Assert.Equal(InstanceOutcome.Applied, Life().Release(new ReleaseLicense("CS1")).Outcome);
        Assert.Equal(LicenseStatus.Released, _state.Status);
        Assert.Equal(InstanceOutcome.AlreadyApplied, Life().Release(new ReleaseLicense(null)).Outcome);
        Assert.Equal(InstanceOutcome.Released, Life().Renew(new RenewLicense("R1", Now.AddYears(1), null)).Decision.Outcome);
        Assert.Equal(InstanceOutcome.Released, Life().Expire(new ExpireLicense("CS1")).Outcome);
    }

    [Fact]
    public void Releasing_a_License_never_issued_succeeds_and_stores_nothing()
    {
        var decision = Life().Release(new ReleaseLicense("CS1"));

        Assert.Equal(InstanceOutcome.AlreadyApplied, decision.Outcome);
        Assert.False(_state.IsIssued);
    }

    [Fact]
    public void Renewing_or_expiring_a_License_never_issued_is_not_found()
    {
        var renewal = Life().Renew(new RenewLicense("R1", Now.AddYears(1), null));

        Assert.Equal(InstanceOutcome.NotFound, renewal.Decision.Outcome);
        Assert.Null(renewal.ToIssue);
        Assert.Equal(InstanceOutcome.NotFound, Life().Expire(new ExpireLicense("CS1")).Outcome);
    }
}
