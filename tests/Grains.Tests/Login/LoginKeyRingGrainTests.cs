using System.Buffers.Text;
using System.Security.Cryptography;
using Orleans.Core.Internal;
using Provisioning.Grains.Login;

namespace Provisioning.Grains.Tests.Login;

public sealed class LoginKeyRingGrainTests(LoginKeyRingCluster fixture) : IClassFixture<LoginKeyRingCluster>
{
    private static readonly TimeSpan Rotation = TimeSpan.FromDays(1);
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(5);

    // Each test has a ring of its own: they all move the one clock, and the ring of the cluster (Key) is only one.
    private ILoginKeyRingGrain NewRing() => fixture.Grains.GetGrain<ILoginKeyRingGrain>(Guid.NewGuid().ToString("N"));

    private int WritesOf(ILoginKeyRingGrain ring) => fixture.Storage.WritesOf(ring.GetGrainId());

    private static Task<LoginKeys> Keys(ILoginKeyRingGrain ring) => ring.GetKeys(Rotation, TokenLifetime);

    private static void Advance(TimeSpan by) => LoginKeyRingCluster.Clock.Advance(by);

    private static IEnumerable<string> Kids(LoginKeys keys) => keys.Published.Select(k => k.KeyId);

    [Fact]
    public async Task The_first_call_makes_a_P256_key_whose_kid_is_its_thumbprint_and_publishes_it()
    {
        var ring = fixture.Grains.GetLoginKeyRing();

        var keys = await Keys(ring);

        using var key = ECDsa.Create();
        key.ImportFromPem(keys.Signing.PrivateKeyPem);
        var point = key.ExportParameters(includePrivateParameters: true);
        Assert.Equal(ECCurve.NamedCurves.nistP256.Oid.Value, point.Curve.Oid.Value);
        var published = Assert.Single(keys.Published, k => k.KeyId == keys.Signing.KeyId);
        Assert.Equal((Base64Url.EncodeToString(point.Q.X), Base64Url.EncodeToString(point.Q.Y)), (published.X, published.Y));
        Assert.True(keys.Signing.SignsUntil > LoginKeyRingCluster.Clock.GetUtcNow());
    }

    [Fact]
    public async Task Within_the_period_every_call_answers_the_same_key_and_writes_nothing()
    {
        var ring = NewRing();
        var first = await Keys(ring);
        Assert.Equal(1, WritesOf(ring));

        Advance(TimeSpan.FromHours(12));
        var later = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Keys(ring)));

        Assert.All(later, k => Assert.Equal((first.Signing.KeyId, first.Signing.PrivateKeyPem), (k.Signing.KeyId, k.Signing.PrivateKeyPem)));
        Assert.All(later, k => Assert.Equal([first.Signing.KeyId], Kids(k)));
        Assert.Equal(1, WritesOf(ring));
        Assert.Equal(first.Signing.SignsUntil - TimeSpan.FromHours(1), later[0].ChangesAt);
    }

    [Fact]
    public async Task The_next_key_is_published_an_hour_before_it_signs_then_signs_while_the_old_one_stays_published_for_a_token_lifetime()
    {
        var ring = NewRing();
        var first = await Keys(ring);
        var start = first.Signing.SignsUntil - Rotation;

        Advance(start + Rotation - TimeSpan.FromMinutes(59) - LoginKeyRingCluster.Clock.GetUtcNow());
        var announced = await Keys(ring);
        Assert.Equal(first.Signing.KeyId, announced.Signing.KeyId);
        var next = Assert.Single(Kids(announced), kid => kid != first.Signing.KeyId);
        Assert.Equal(first.Signing.SignsUntil, announced.ChangesAt);
        Assert.Equal(2, WritesOf(ring));

        Advance(TimeSpan.FromMinutes(60));
        var rotated = await Keys(ring);
        Assert.Equal(next, rotated.Signing.KeyId);
        Assert.Equal(first.Signing.SignsUntil + Rotation, rotated.Signing.SignsUntil);
        Assert.Equal([first.Signing.KeyId, next], Kids(rotated));
        Assert.Equal(first.Signing.SignsUntil + TokenLifetime, rotated.ChangesAt);
        Assert.Equal(2, WritesOf(ring));

        Advance(TokenLifetime);
        var retired = await Keys(ring);
        Assert.Equal([next], Kids(retired));
        Assert.Equal(next, retired.Signing.KeyId);
        Assert.Equal(3, WritesOf(ring));
    }

    [Fact]
    public async Task A_ring_nobody_asked_for_longer_than_a_rotation_signs_with_a_new_key_and_drops_the_old_ones()
    {
        var ring = NewRing();
        var first = await Keys(ring);

        Advance(Rotation * 3);
        var keys = await Keys(ring);

        Assert.NotEqual(first.Signing.KeyId, keys.Signing.KeyId);
        Assert.Equal([keys.Signing.KeyId], Kids(keys));
        Assert.Equal(LoginKeyRingCluster.Clock.GetUtcNow() + Rotation, keys.Signing.SignsUntil, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task The_keys_survive_a_deactivation()
    {
        var ring = NewRing();
        await Keys(ring);
        Advance(Rotation - TimeSpan.FromMinutes(30));
        var before = await Keys(ring);
        var reads = fixture.Storage.ReadsOf(ring.GetGrainId());

        await ring.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        var after = await Keys(ring);

        Assert.Equal(reads + 1, fixture.Storage.ReadsOf(ring.GetGrainId()));
        Assert.Equal((before.Signing.KeyId, before.Signing.PrivateKeyPem, before.Signing.SignsUntil), (after.Signing.KeyId, after.Signing.PrivateKeyPem, after.Signing.SignsUntil));
        Assert.Equal(2, Kids(after).Count());
        Assert.Equal(Kids(before), Kids(after));
        Assert.Equal(2, WritesOf(ring));
    }

    [Fact]
    public async Task No_answer_shows_the_private_key_in_its_text()
    {
        var keys = await Keys(NewRing());
        var secret = keys.Signing.PrivateKeyPem.Split('\n')[1];

        Assert.DoesNotContain(secret, keys.ToString());
        Assert.DoesNotContain(secret, keys.Signing.ToString());
        Assert.Contains(keys.Signing.KeyId, keys.Signing.ToString());
    }
}
