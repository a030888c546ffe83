using Provisioning.Grains.Instances;

namespace Provisioning.Grains.Tests.Instances;

[Collection(ClusterCollection.Name)]
public sealed class SaasInstanceGrainTests(ClusterFixture fixture)
{
    private static InstanceAddress NewAddress(Traffic traffic = Traffic.Live) =>
        new(InstanceIds.Derive(OrderKey.ForOrder(Orders.NewOrderId()), traffic), traffic);

    private ISaasInstanceGrain Grain(InstanceAddress address) => fixture.Grains.GetInstance(address);

    [Fact]
    public async Task Opening_returns_the_instance_with_issued_access()
    {
        var address = NewAddress();

        var reply = await Grain(address).Open(Orders.Open());

        Assert.Equal(InstanceOutcome.Applied, reply.Outcome);
        Assert.Equal(address.InstanceId, reply.Instance!.InstanceId);
        Assert.Equal(InstanceStatus.Active, reply.Instance.Status);
        Assert.Contains(address.InstanceId, reply.Instance.Access!.FrontEndUrl);
        Assert.Equal("admin", reply.Instance.Access.UserName);
        Assert.Equal(16, reply.Instance.Access.Password!.Length);
    }

    [Fact]
    public async Task A_repeated_open_returns_the_same_access()
    {
        var address = NewAddress();
        var order = Orders.Open();

        var first = await Grain(address).Open(order);
        var repeat = await Grain(address).Open(order);

        Assert.Equal(InstanceOutcome.AlreadyApplied, repeat.Outcome);
        Assert.Equal(first.Instance!.Access, repeat.Instance!.Access);
    }

    [Fact]
    public async Task A_customer_name_too_long_for_the_front_end_url_is_refused_on_every_repeat_and_nothing_is_stored()
    {
        var address = NewAddress();
        var order = Orders.Open() with { Buyer = Orders.Open().Buyer with { CustomerName = new string('云', 64) } };

        var first = await Grain(address).Open(order);
        var repeat = await Grain(address).Open(order);

        Assert.All([first, repeat], reply =>
        {
            Assert.Equal(InstanceOutcome.Refused, reply.Outcome);
            Assert.Contains("appInfo.frontEndUrl is 662 characters, over the limit of 512", reply.Message);
            Assert.Null(reply.Instance);
        });
        Assert.Null(await Grain(address).Get());
        Assert.Empty(await Grain(address).GetHistory());
    }

    [Fact]
    public async Task Concurrent_duplicates_of_one_order_open_exactly_one_instance()
    {
        var address = NewAddress();
        var order = Orders.Open();

        var replies = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Grain(address).Open(order)));

        Assert.Single(replies, r => r.Outcome == InstanceOutcome.Applied);
        Assert.Single(replies.Select(r => r.Instance!.Access).Distinct());
        Assert.Single(await Grain(address).GetHistory());
    }

    [Fact]
    public async Task A_full_lifecycle_is_recorded_in_order()
    {
        var address = NewAddress();
        var grain = Grain(address);
        var expiry = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

        await grain.Open(Orders.Open());
        await grain.Renew(Orders.Renew("R1", expiry));
        await grain.Freeze(new FreezeInstance(null));
        await grain.Renew(Orders.Renew("R2", expiry.AddYears(1)));
        await grain.Upgrade(Orders.Upgrade("U1"));
        await grain.Release(new ReleaseInstance(null, null));
        var again = await grain.Release(new ReleaseInstance(null, null));

        Assert.Equal(InstanceOutcome.AlreadyApplied, again.Outcome);
        Assert.Equal(
            [InstanceAction.Open, InstanceAction.Renew, InstanceAction.Freeze, InstanceAction.Renew, InstanceAction.Upgrade, InstanceAction.Release],
            (await grain.GetHistory()).Select(t => t.Action));
        var snapshot = await grain.Get();
        Assert.Equal(InstanceStatus.Released, snapshot!.Status);
        Assert.Equal(expiry.AddYears(1), snapshot.ExpiresAt);
        Assert.Null(snapshot.Access!.Password);
    }

    [Fact]
    public async Task An_unknown_live_instance_is_not_found_and_stays_unknown()
    {
        var grain = Grain(NewAddress());

        var reply = await grain.Freeze(new FreezeInstance(null));

        Assert.Equal(InstanceOutcome.NotFound, reply.Outcome);
        Assert.Null(await grain.Get());
    }

    [Fact]
    public async Task Test_traffic_on_an_unknown_or_released_instance_is_accepted_without_creating_it()
    {
        var address = NewAddress(Traffic.Test);
        var grain = Grain(address);

        var renewUnknown = await grain.Renew(Orders.Renew("R1", DateTimeOffset.UtcNow.AddDays(30)));
        var releaseUnknown = await grain.Release(new ReleaseInstance(null, null));
        Assert.Equal(InstanceOutcome.AcceptedForTest, renewUnknown.Outcome);
        Assert.Equal(InstanceOutcome.AcceptedForTest, releaseUnknown.Outcome);
        Assert.Null(await grain.Get());

        await grain.Open(Orders.Open());
        await grain.Release(new ReleaseInstance(null, null));
        var renewReleased = await grain.Renew(Orders.Renew("R2", DateTimeOffset.UtcNow.AddDays(30)));
        Assert.Equal(InstanceOutcome.AcceptedForTest, renewReleased.Outcome);
        Assert.Equal(InstanceStatus.Released, (await grain.Get())!.Status);
    }

    [Fact]
    public async Task Test_traffic_never_reaches_the_live_instance_of_the_same_id()
    {
        var live = NewAddress();
        await Grain(live).Open(Orders.Open());

        var test = live with { Traffic = Traffic.Test };
        await Grain(test).Release(new ReleaseInstance(null, null));

        Assert.Null(await Grain(test).Get());
        Assert.Equal(InstanceStatus.Active, (await Grain(live).Get())!.Status);
    }

    [Fact]
    public async Task State_survives_deactivation()
    {
        var address = NewAddress();
        var opened = await Grain(address).Open(Orders.Open());
        await Grain(address).Freeze(new FreezeInstance(null));

        await fixture.Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        var snapshot = await Grain(address).Get();
        Assert.Equal(InstanceStatus.Frozen, snapshot!.Status);
        Assert.Equal(opened.Instance!.Access, snapshot.Access);
    }
}
