using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Provisioning.Gateway.Login;

/// <summary>A token for the seller's application and the moment it expires (its <c>exp</c>).</summary>
public sealed record IssuedLoginToken(string Token, DateTimeOffset ExpiresAt)
{
    public override string ToString() => $"{nameof(IssuedLoginToken)} {{ {nameof(ExpiresAt)} = {ExpiresAt:O} }}";
}

/// <summary>
/// Issues the token the seller's application trusts (docs/login.md, "The token"): a compact JWS, ES256, with the <c>kid</c>
/// of the ring's signing key, valid for <see cref="LoginOptions.TokenLifetime"/>.
/// </summary>
public sealed class LoginTokens(LoginKeyCache keys, IOptions<LoginOptions> options, TimeProvider clock)
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public async Task<IssuedLoginToken> IssueAsync(LoginIdentity identity, string issuer, CancellationToken cancellationToken)
    {
        var set = await keys.GetAsync(cancellationToken);

        // Whole seconds, as the token's NumericDates say, so ExpiresAt is the token's exp.
        var now = DateTimeOffset.FromUnixTimeSeconds(clock.GetUtcNow().ToUnixTimeSeconds());
        var expiresAt = now + options.Value.TokenLifetime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = options.Value.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expiresAt.UtcDateTime,
            Claims = LoginClaims.Of(identity, Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16))),
            SigningCredentials = set.Credentials,
        };

        string token;
        // One ECDsa object is not documented to sign on several threads at once.
        lock (set.Credentials)
        {
            token = Handler.CreateToken(descriptor);
        }

        return new IssuedLoginToken(token, expiresAt);
    }
}
