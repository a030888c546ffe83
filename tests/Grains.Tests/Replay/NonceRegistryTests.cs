using Provisioning.Grains.Replay;

namespace Provisioning.Grains.Tests.Replay;

[Collection(ClusterCollection.Name)]
public sealed class NonceRegistryTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_nonce_is_accepted_once_per_scope()
    {
        var timestamp = DateTimeOffset.UtcNow;
        var nonce = Guid.NewGuid().ToString("N");
        var forgetAfter = timestamp.AddMinutes(3);

        Assert.True(await fixture.Grains.GetNonceRegistry("v2", timestamp, nonce).TryRegister(nonce, forgetAfter));
        Assert.False(await fixture.Grains.GetNonceRegistry("v2", timestamp, nonce).TryRegister(nonce, forgetAfter));
        Assert.True(await fixture.Grains.GetNonceRegistry("kit", timestamp, nonce).TryRegister(nonce, forgetAfter));
        Assert.True(await fixture.Grains.GetNonceRegistry("v2", timestamp, Guid.NewGuid().ToString("N")).TryRegister(nonce + "x", forgetAfter));
    }

    [Fact]
    public void Registry_keys_are_stable_and_spread_by_minute_and_nonce()
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1735718400123);

        Assert.Equal(NonceRegistry.KeyFor("v2", at, "abc"), NonceRegistry.KeyFor("v2", at.AddSeconds(30), "abc"));
        Assert.NotEqual(NonceRegistry.KeyFor("v2", at, "abc"), NonceRegistry.KeyFor("v2", at.AddMinutes(1), "abc"));
        Assert.StartsWith("v2/28928640/", NonceRegistry.KeyFor("v2", at, "abc"));
        Assert.True(Enumerable.Range(0, 200).Select(i => NonceRegistry.KeyFor("v2", at, $"n{i}")).Distinct().Count() > 4);
    }
}
