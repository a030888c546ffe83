using Provisioning.Grains.Instances;
using Provisioning.Grains.Licenses;

namespace Provisioning.Grains.Tests.Licenses;

public sealed class LicenseGrainTests(LicenseClusterFixture fixture) : IClassFixture<LicenseClusterFixture>
{
    private static readonly DateTimeOffset Expiry = new(2027, 3, 17, 0, 0, 0, TimeSpan.Zero);

    private static LicenseAddress NewAddress(Traffic traffic = Traffic.Live) =>
        new(InstanceIds.Derive(OrderKey.ForOrder(Instances.Orders.NewOrderId()), traffic), traffic);

    private static IssueLicense Purchase(string productId = "product-1") => new("CS1", "customer-1", productId, "sku-1", Expiry, 3);

    private ILicenseGrain Grain(LicenseAddress address) => fixture.Grains.GetLicense(address);

    [Fact]
    public async Task A_purchase_is_issued_once_and_every_repeat_answers_the_same_License()
    {
        var address = NewAddress();

        var first = await Grain(address).Issue(Purchase());
        var repeats = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Grain(address).Issue(Purchase())));

        Assert.Equal(InstanceOutcome.Applied, first.Outcome);
        Assert.All(repeats, r => Assert.Equal(InstanceOutcome.AlreadyApplied, r.Outcome));
        Assert.All(repeats, r => Assert.Equal(first.License!.FirstLicense, r.License!.FirstLicense));
        var terms = Assert.Single(fixture.IssuedFor(address.InstanceId));
        Assert.Equal(("product-1", "sku-1", "customer-1", Expiry, 3), (terms.ProductId, terms.SkuCode, terms.CustomerId, terms.ExpiresAt, terms.Quantity));
    }

    [Fact]
    public async Task A_renewal_issues_the_License_again_once_and_repeats_keep_answering_the_first()
    {
        var address = NewAddress();
        var first = (await Grain(address).Issue(Purchase())).License!.FirstLicense;

        var renewed = await Grain(address).Renew(new RenewLicense("R1", Expiry.AddYears(1), null));
        var again = await Grain(address).Renew(new RenewLicense("R1", Expiry.AddYears(1), null));
        var repeat = await Grain(address).Issue(Purchase());

        Assert.Equal((InstanceOutcome.Applied, InstanceOutcome.AlreadyApplied), (renewed.Outcome, again.Outcome));
        Assert.Equal(2, fixture.IssuedFor(address.InstanceId).Count);
        Assert.Equal(Expiry.AddYears(1), fixture.IssuedFor(address.InstanceId)[1].ExpiresAt);
        Assert.NotEqual(first, renewed.License!.CurrentLicense);
        Assert.Equal(first, repeat.License!.FirstLicense);
        Assert.Equal(renewed.License.CurrentLicense, (await Grain(address).Get())!.CurrentLicense);
    }

    [Fact]
    public async Task Expiry_freezes_and_a_renewal_brings_the_License_back()
    {
        var address = NewAddress();
        await Grain(address).Issue(Purchase());

        Assert.Equal(InstanceOutcome.Applied, (await Grain(address).Expire(new ExpireLicense("CS1"))).Outcome);
        Assert.Equal(LicenseStatus.Frozen, (await Grain(address).Get())!.Status);
        await Grain(address).Renew(new RenewLicense("R1", DateTimeOffset.UtcNow.AddYears(1), null));

        Assert.Equal(LicenseStatus.Active, (await Grain(address).Get())!.Status);
    }

    [Fact]
    public async Task An_issuer_failure_propagates_and_stores_nothing()
    {
        var address = NewAddress();

        await Assert.ThrowsAsync<InvalidOperationException>(() => Grain(address).Issue(Purchase(ScriptedLicenseIssuer.FailingProduct)));

        Assert.Null(await Grain(address).Get());
        Assert.Equal(InstanceOutcome.Applied, (await Grain(address).Issue(Purchase())).Outcome);
    }

    [Fact]
    public async Task Unknown_Licenses_are_not_found_for_live_traffic_and_accepted_for_test_traffic()
    {
        var live = NewAddress();
        var test = NewAddress(Traffic.Test);

        Assert.Equal(InstanceOutcome.NotFound, (await Grain(live).Renew(new RenewLicense("R1", Expiry, null))).Outcome);
        Assert.Equal(InstanceOutcome.NotFound, (await Grain(live).Expire(new ExpireLicense("CS1"))).Outcome);
        Assert.Equal(InstanceOutcome.AlreadyApplied, (await Grain(live).Release(new ReleaseLicense("CS1"))).Outcome);
        Assert.Equal(InstanceOutcome.AcceptedForTest, (await Grain(test).Renew(new RenewLicense("R1", Expiry, null))).Outcome);
        Assert.Equal(InstanceOutcome.AcceptedForTest, (await Grain(test).Expire(new ExpireLicense("CS1"))).Outcome);
        Assert.Empty(fixture.IssuedFor(live.InstanceId));
        Assert.Null(await Grain(live).Get());
    }

    [Fact]
    public async Task A_test_License_lives_apart_from_a_live_one_of_the_same_id_and_says_it_is_a_test()
    {
        var live = NewAddress();
        var test = live with { Traffic = Traffic.Test };
        await Grain(test).Issue(Purchase());

        Assert.Null(await Grain(live).Get());
        Assert.Equal(Traffic.Test, Assert.Single(fixture.IssuedFor(test.InstanceId)).Traffic);
    }
}
