// TEMPORARY until the key ring branch merges.
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Provisioning.Gateway.Login;

public sealed record IssuedLoginToken(string Token, DateTimeOffset ExpiresAt);

public sealed class LoginTokens(IOptions<LoginOptions> options, TimeProvider clock)
{
    internal static readonly ECDsaSecurityKey Key = new(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = "temp" };

    public Task<IssuedLoginToken> IssueAsync(LoginIdentity identity, string issuer, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var claims = new Dictionary<string, object> { ["tenant"] = identity.TenantId, ["user_name"] = identity.UserName, ["role"] = identity.Role,
            ["app_id"] = identity.AppId, ["auth"] = identity.Method, ["sid"] = identity.SessionId, ["sub"] = $"{identity.TenantId}/{identity.UserName}" };
        if (identity.Name is not null) claims["name"] = identity.Name;
        if (identity.OrgCode is not null) claims["org_code"] = identity.OrgCode;
        if (identity.InstanceId is not null) { claims["instance_id"] = identity.InstanceId; claims["instance_status"] = identity.InstanceStatus!; }
        if (identity.Test) claims["test"] = true;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer, Audience = options.Value.Audience, IssuedAt = now.UtcDateTime, NotBefore = now.UtcDateTime,
            Expires = (now + options.Value.TokenLifetime).UtcDateTime, Claims = claims,
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.EcdsaSha256),
        });
        return Task.FromResult(new IssuedLoginToken(token, now + options.Value.TokenLifetime));
    }
}

public static class LoginTokenRegistration
{
    public static IServiceCollection AddLoginTokens(this IServiceCollection services) => services.AddSingleton<LoginTokens>();
}

public static class LoginDiscoveryEndpoints
{
    public static IEndpointRouteBuilder MapLoginDiscovery(this IEndpointRouteBuilder endpoints) => endpoints;
}
