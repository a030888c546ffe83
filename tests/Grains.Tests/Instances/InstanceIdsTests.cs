using Provisioning.Grains.Instances;

namespace Provisioning.Grains.Tests.Instances;

public sealed class InstanceIdsTests
{
    [Fact]
    public void The_same_order_always_yields_the_same_id()
    {
        var first = InstanceIds.Derive(OrderKey.ForOrder("CS1906666666ABCDE"), Traffic.Live);
        var second = InstanceIds.Derive(OrderKey.ForOrder("CS1906666666ABCDE"), Traffic.Live);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Ids_are_stable_across_releases()
    {
        // Stored instances are found by these ids: changing the derivation would orphan every one of them.
        Assert.Equal(StableLiveId, InstanceIds.Derive(OrderKey.ForOrder("CS1906666666ABCDE"), Traffic.Live));
    }

    [Fact]
    public void Name_based_uuids_match_the_rfc_algorithm()
    {
        // uuid5(NAMESPACE_DNS, "python.org") as published by Python's uuid module documentation.
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        Assert.Equal(new Guid("886313e1-3b8a-5372-9b90-0c9aee199e5d"), InstanceIds.NameBasedUuid(dns, "python.org"));
    }

    [Fact]
    public void Test_traffic_gets_different_ids_than_live_traffic_for_the_same_order()
    {
        Assert.NotEqual(
            InstanceIds.Derive(OrderKey.ForOrder("CS1"), Traffic.Live),
            InstanceIds.Derive(OrderKey.ForOrder("CS1"), Traffic.Test));
    }

    [Fact]
    public void Each_kind_of_order_key_yields_its_own_id()
    {
        string[] ids =
        [
            InstanceIds.Derive(OrderKey.ForOrder("CS1"), Traffic.Live),
            InstanceIds.Derive(OrderKey.ForOrderLine("CS1", "CS1-000001"), Traffic.Live),
            InstanceIds.Derive(OrderKey.ForOrderProduct("CS1", "p-1"), Traffic.Live),
            InstanceIds.Derive(OrderKey.ForOrderProduct("CS1", "p-2"), Traffic.Live),
        ];

        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Fact]
    public void Ids_are_version_5_uuids_that_fit_the_marketplace_limit()
    {
        var id = InstanceIds.Derive(OrderKey.ForOrder("CS1"), Traffic.Live);

        Assert.True(Guid.TryParseExact(id, "D", out var guid));
        Assert.Equal(5, guid.Version);
        Assert.True(id.Length <= 64);
    }

    [Fact]
    public void A_grain_key_round_trips_and_never_mixes_namespaces()
    {
        var live = new InstanceAddress("abc", Traffic.Live);
        var test = new InstanceAddress("abc", Traffic.Test);

        Assert.NotEqual(live.GrainKey, test.GrainKey);
        Assert.Equal(live, InstanceAddress.FromGrainKey(live.GrainKey));
        Assert.Equal(test, InstanceAddress.FromGrainKey(test.GrainKey));
        Assert.Equal(new InstanceAddress("test/abc", Traffic.Live), InstanceAddress.FromGrainKey(new InstanceAddress("test/abc", Traffic.Live).GrainKey));
    }

    // uuid5(live namespace, "order:CS1906666666ABCDE"), computed independently with Python's uuid module.
    private const string StableLiveId = "b988e44d-0d67-58ac-9400-b0f64dd518ae";
}
