using Provisioning.Grains.Instances;
using Provisioning.Grains.Login;

namespace Provisioning.Grains.Tests.Login;

/// <summary>A login attempt counts once, and a session lives until it ends or expires (issue 15: state bound to the browser, logout, refresh).</summary>
[Collection(ClusterCollection.Name)]
public sealed class LoginAttemptAndSessionGrainTests(ClusterFixture fixture)
{
    private static string NewKey() => Guid.NewGuid().ToString("N");

    private static DateTimeOffset Now => DateTimeOffset.UtcNow;

    private static LoginAttempt Attempt(DateTimeOffset expiresAt) =>
        new("tenant-1", Traffic.Live, LoginMethod.OAuth2, "https://app.example.com/", "abc123", "verifier", null, expiresAt);

    private static LoginSession Session(DateTimeOffset expiresAt) =>
        new("sid-1", "tenant-1", Traffic.Live, "app-1", "zhangsan01", LoginMethod.OAuth2, "access-1", "refresh-1", Now.AddHours(2), expiresAt);

    [Fact]
    public async Task An_attempt_is_claimed_once_and_every_later_claim_says_it_was_completed()
    {
        var attempt = fixture.Grains.GetLoginAttempt(NewKey());
        await attempt.Begin(Attempt(Now.AddMinutes(10)));

        var first = await attempt.Complete();
        var replay = await attempt.Complete();

        Assert.Equal(LoginAttemptStatus.Claimed, first.Status);
        Assert.Equal("verifier", first.Attempt!.PkceVerifier);
        Assert.Equal(new LoginAttemptClaim(LoginAttemptStatus.AlreadyCompleted, null), replay);
    }

    [Fact]
    public async Task An_attempt_never_begun_is_unknown_and_one_past_its_lifetime_is_expired()
    {
        var late = fixture.Grains.GetLoginAttempt(NewKey());
        await late.Begin(Attempt(Now.AddSeconds(-1)));

        Assert.Equal(LoginAttemptStatus.Unknown, (await fixture.Grains.GetLoginAttempt(NewKey()).Complete()).Status);
        Assert.Equal(LoginAttemptStatus.Expired, (await late.Complete()).Status);
    }

    [Fact]
    public async Task A_session_keeps_renewed_tokens_until_it_ends_and_an_expired_one_is_gone()
    {
        var session = fixture.Grains.GetLoginSession(NewKey());
        var expired = fixture.Grains.GetLoginSession(NewKey());
        await session.Start(Session(Now.AddHours(8)));
        await expired.Start(Session(Now.AddSeconds(-1)));

        await session.Renew("access-2", null, Now.AddHours(2));
        var renewed = await session.Get();
        var ended = await session.End();

        Assert.Equal(("access-2", "refresh-1"), (renewed!.AccessToken, renewed.RefreshToken));
        Assert.Equal("sid-1", ended!.PublicId);
        Assert.Null(await session.Get());
        Assert.Null(await session.End());
        Assert.Null(await expired.Get());
    }

    [Fact]
    public void Neither_record_shows_its_tokens_or_verifier_in_its_text()
    {
        var text = Attempt(Now) + " " + Session(Now);

        Assert.DoesNotContain("verifier", text);
        Assert.DoesNotContain("access-1", text);
        Assert.DoesNotContain("refresh-1", text);
        Assert.DoesNotContain("zhangsan01", text);
    }
}
