using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Provisioning.Gateway.Login;

namespace Provisioning.Gateway.Tests.Login.Tokens;

/// <summary>The token the seller's application trusts, checked as that application would: with the published keys alone.</summary>
public sealed class LoginTokenTests
{
    private const string Issuer = "https://login.seller.example";
    private const string Audience = "seller-application";

    private static readonly LoginIdentity Alice = new(
        "tenant-1", Test: true, "app-1", "alice", "Alice Li", "admin", "org-7", "instance-1", "active", "oauth2", "session-9");

    private static Task<TokenValidationResult> ValidateAsync(string token, JsonWebKeySet keys, TimeProvider clock) =>
        new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Audience,
            IssuerSigningKeys = keys.GetSigningKeys(),
            TryAllIssuerSigningKeys = false,
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            RequireExpirationTime = true,
            // The test moves the gateway's clock, so lifetimes are checked against it rather than the machine's.
            LifetimeValidator = (notBefore, expires, _, _) => notBefore <= clock.GetUtcNow().UtcDateTime && clock.GetUtcNow().UtcDateTime < expires,
        });

    [Fact]
    public async Task An_issued_token_validates_with_the_published_keys_alone_and_says_who_logged_in()
    {
        await using var host = await LoginTokenHost.StartAsync();
        var now = host.Clock.GetUtcNow();

        var issued = await host.Tokens.IssueAsync(Alice, Issuer, CancellationToken.None);
        var keys = await host.PublishedKeysAsync();
        var result = await ValidateAsync(issued.Token, keys, host.Clock);

        Assert.True(result.IsValid, result.Exception?.Message);
        var jwt = (JsonWebToken)result.SecurityToken;
        Assert.Equal((SecurityAlgorithms.EcdsaSha256, "JWT"), (jwt.Alg, jwt.Typ));
        var key = Assert.Single(keys.Keys);
        Assert.Equal(Base64UrlEncoder.Encode(key.ComputeJwkThumbprint()), jwt.Kid);
        Assert.Equal(key.Kid, jwt.Kid);
        Assert.Equal(LoginClaims.Supported.Order(), jwt.Claims.Select(c => c.Type).Order());
        Assert.Equal((Issuer, Audience, "tenant-1/alice"), (jwt.Issuer, Assert.Single(jwt.Audiences), jwt.Subject));
        Assert.Equal(
            ("tenant-1", "alice", "Alice Li", "admin", "org-7", "app-1", "instance-1", "active", "oauth2", "session-9"),
            (jwt.GetPayloadValue<string>("tenant"), jwt.GetPayloadValue<string>("user_name"), jwt.GetPayloadValue<string>("name"),
                jwt.GetPayloadValue<string>("role"), jwt.GetPayloadValue<string>("org_code"), jwt.GetPayloadValue<string>("app_id"),
                jwt.GetPayloadValue<string>("instance_id"), jwt.GetPayloadValue<string>("instance_status"),
                jwt.GetPayloadValue<string>("auth"), jwt.GetPayloadValue<string>("sid")));
        Assert.True(jwt.GetPayloadValue<bool>("test"));
        Assert.Equal(jwt.IssuedAt, jwt.ValidFrom);
        Assert.Equal(now.UtcDateTime, jwt.IssuedAt, TimeSpan.FromSeconds(2));
        Assert.Equal(TimeSpan.FromMinutes(5), jwt.ValidTo - jwt.IssuedAt);
        Assert.Equal(issued.ExpiresAt.UtcDateTime, jwt.ValidTo);
        Assert.Equal(22, jwt.Id.Length);
        Assert.DoesNotContain(issued.Token.Split('.')[2], issued.ToString());
    }

    [Fact]
    public async Task Claims_without_a_value_are_left_out_and_each_token_has_its_own_id()
    {
        await using var host = await LoginTokenHost.StartAsync(o => o.TokenLifetime = TimeSpan.FromMinutes(2));
        var bob = Alice with { Test = false, Name = null, OrgCode = null, InstanceId = null, InstanceStatus = null, UserName = "bob", Method = "cas" };

        var first = await host.Tokens.IssueAsync(bob, Issuer, CancellationToken.None);
        var second = await host.Tokens.IssueAsync(bob, Issuer, CancellationToken.None);

        var jwt = new JsonWebToken(first.Token);
        Assert.Equal(LoginClaims.Supported.Except(["name", "org_code", "instance_id", "instance_status", "test"]).Order(), jwt.Claims.Select(c => c.Type).Order());
        Assert.Equal(("tenant-1/bob", "cas"), (jwt.Subject, jwt.GetPayloadValue<string>("auth")));
        Assert.Equal(TimeSpan.FromMinutes(2), jwt.ValidTo - jwt.IssuedAt);
        Assert.NotEqual(jwt.Id, new JsonWebToken(second.Token).Id);
        Assert.True((await ValidateAsync(second.Token, await host.PublishedKeysAsync(), host.Clock)).IsValid);
    }

    [Fact]
    public async Task Tokens_and_key_reads_within_a_minute_ask_the_key_ring_once()
    {
        await using var host = await LoginTokenHost.StartAsync();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => host.Tokens.IssueAsync(Alice, Issuer, CancellationToken.None)));
        await host.PublishedKeysAsync();
        host.Clock.Advance(TimeSpan.FromSeconds(50));
        await host.Tokens.IssueAsync(Alice, Issuer, CancellationToken.None);
        Assert.Equal(1, host.RingCalls);

        host.Clock.Advance(TimeSpan.FromSeconds(11));
        await host.Tokens.IssueAsync(Alice, Issuer, CancellationToken.None);
        Assert.Equal(2, host.RingCalls);
    }

    [Fact]
    public async Task A_token_whose_payload_was_changed_fails()
    {
        await using var host = await LoginTokenHost.StartAsync();
        var issued = await host.Tokens.IssueAsync(Alice with { Role = "user" }, Issuer, CancellationToken.None);
        var parts = issued.Token.Split('.');
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!;
        payload["role"] = "admin";
        var tampered = $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()))}.{parts[2]}";

        var keys = await host.PublishedKeysAsync();
        var result = await ValidateAsync(tampered, keys, host.Clock);

        Assert.True((await ValidateAsync(issued.Token, keys, host.Clock)).IsValid);
        Assert.False(result.IsValid);
        Assert.IsType<SecurityTokenInvalidSignatureException>(result.Exception);
    }

    [Fact]
    public async Task A_token_of_another_audience_or_issuer_fails()
    {
        await using var host = await LoginTokenHost.StartAsync(o => o.Audience = "another-application");
        var keys = await host.PublishedKeysAsync();

        var otherAudience = await host.Tokens.IssueAsync(Alice, Issuer, CancellationToken.None);

        Assert.IsType<SecurityTokenInvalidAudienceException>((await ValidateAsync(otherAudience.Token, keys, host.Clock)).Exception);
        await using var other = await LoginTokenHost.StartAsync();
        var otherIssuer = await other.Tokens.IssueAsync(Alice, "https://elsewhere.example", CancellationToken.None);
        Assert.IsType<SecurityTokenInvalidIssuerException>((await ValidateAsync(otherIssuer.Token, await other.PublishedKeysAsync(), other.Clock)).Exception);
    }

    [Fact]
    public async Task Across_a_rotation_tokens_of_the_old_key_keep_validating_until_they_expire_and_the_new_key_was_published_before_it_signed()
    {
        await using var host = await LoginTokenHost.StartAsync(o => o.KeyRotation = TimeSpan.FromHours(1));
        var start = host.Clock.GetUtcNow();
        var first = await host.Tokens.IssueAsync(Alice, Issuer, CancellationToken.None);
        var oldKid = new JsonWebToken(first.Token).Kid;

        // Half a minute before the rotation: the old key signs, and the next one is already published.
        host.Clock.Advance(start + TimeSpan.FromHours(1) - TimeSpan.FromSeconds(30) - host.Clock.GetUtcNow());
        var beforeRotation = await host.Tokens.IssueAsync(Alice, Issuer, CancellationToken.None);
        var keysBeforeRotation = await host.PublishedKeysAsync();
        Assert.Equal(oldKid, new JsonWebToken(beforeRotation.Token).Kid);
        Assert.Equal(2, keysBeforeRotation.Keys.Count);

        // Forty seconds later the next key signs, though the gateway's cached keys are not a minute old.
        host.Clock.Advance(TimeSpan.FromSeconds(40));
        var afterRotation = await host.Tokens.IssueAsync(Alice, Issuer, CancellationToken.None);
        var newKid = new JsonWebToken(afterRotation.Token).Kid;
        Assert.NotEqual(oldKid, newKid);
        Assert.Contains(newKid, keysBeforeRotation.Keys.Select(k => k.Kid));
        Assert.True((await ValidateAsync(afterRotation.Token, keysBeforeRotation, host.Clock)).IsValid);

        var keysAfterRotation = await host.PublishedKeysAsync();
        Assert.Equal([oldKid, newKid], keysAfterRotation.Keys.Select(k => k.Kid));
        var old = await ValidateAsync(beforeRotation.Token, keysAfterRotation, host.Clock);
        Assert.True(old.IsValid, old.Exception?.Message);

        // A token lifetime after the rotation the old key's tokens have all expired, and it is no longer published.
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        var later = await host.Tokens.IssueAsync(Alice, Issuer, CancellationToken.None);
        var keysLater = await host.PublishedKeysAsync();
        Assert.Equal([newKid], keysLater.Keys.Select(k => k.Kid));
        Assert.True((await ValidateAsync(later.Token, keysLater, host.Clock)).IsValid);
        Assert.False((await ValidateAsync(beforeRotation.Token, keysLater, host.Clock)).IsValid);
    }
}
