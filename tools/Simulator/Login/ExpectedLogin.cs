using Microsoft.IdentityModel.JsonWebTokens;

namespace Provisioning.Simulator.Login;

/// <summary>Who a token must say logged in (docs/login.md, "The token"); <see cref="Problem"/> names the first claim that differs.</summary>
public sealed record ExpectedLogin(
    string TenantId,
    string UserName,
    string Name,
    string Role,
    string OrgCode,
    string AppId,
    string InstanceId,
    string Method)
{
    /// <summary>The instance status an admitted login carries.</summary>
    public const string Active = "active";

    /// <summary>The first claim of <paramref name="token"/> that is not as expected, or null.</summary>
    public string? Problem(JsonWebToken token)
    {
        (string Claim, string Expected)[] claims =
        [
            ("sub", $"{TenantId}/{UserName}"), ("tenant", TenantId), ("user_name", UserName), ("name", Name), ("role", Role),
            ("org_code", OrgCode), ("app_id", AppId), ("instance_id", InstanceId), ("instance_status", Active), ("auth", Method),
        ];
        foreach (var (claim, expected) in claims)
        {
            var actual = token.TryGetPayloadValue<string>(claim, out var value) ? value : null;
            if (actual != expected) return $"claim {claim} is {actual ?? "missing"}, expected {expected}";
        }

        return !token.TryGetPayloadValue<string>("sid", out var sid) || string.IsNullOrEmpty(sid) ? "claim sid is missing"
            : !token.TryGetPayloadValue<string>("jti", out var jti) || string.IsNullOrEmpty(jti) ? "claim jti is missing"
            : token.TryGetPayloadValue<object>("test", out _) ? "claim test is present for a live tenant"
            : null;
    }
}
