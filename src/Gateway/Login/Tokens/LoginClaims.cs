namespace Provisioning.Gateway.Login;

/// <summary>The claims of the token handed to the seller's application (docs/login.md, "The token").</summary>
internal static class LoginClaims
{
    public const string Subject = "sub";
    public const string TokenId = "jti";
    public const string Tenant = "tenant";
    public const string UserName = "user_name";
    public const string Name = "name";
    public const string Role = "role";
    public const string OrgCode = "org_code";
    public const string AppId = "app_id";
    public const string InstanceId = "instance_id";
    public const string InstanceStatus = "instance_status";
    public const string Method = "auth";
    public const string Session = "sid";
    public const string Test = "test";

    /// <summary>Every claim a token may carry, the registered ones first, as the discovery document lists them.</summary>
    public static IReadOnlyList<string> Supported { get; } =
    [
        "iss", "aud", Subject, "iat", "nbf", "exp", TokenId,
        Tenant, UserName, Name, Role, OrgCode, AppId, InstanceId, InstanceStatus, Method, Session, Test,
    ];

    /// <summary>The claims of <paramref name="identity"/> besides <c>iss</c>, <c>aud</c> and the times; a claim without a value is left out.</summary>
    public static Dictionary<string, object> Of(LoginIdentity identity, string tokenId)
    {
        var claims = new Dictionary<string, object>
        {
            [Subject] = $"{identity.TenantId}/{identity.UserName}",
            [TokenId] = tokenId,
            [Tenant] = identity.TenantId,
            [UserName] = identity.UserName,
            [Role] = identity.Role,
            [AppId] = identity.AppId,
            [Method] = identity.Method,
            [Session] = identity.SessionId,
        };
        if (identity.Name is { } name) claims[Name] = name;
        if (identity.OrgCode is { } orgCode) claims[OrgCode] = orgCode;
        if (identity.InstanceId is { } instanceId)
        {
            claims[InstanceId] = instanceId;
            if (identity.InstanceStatus is { } status) claims[InstanceStatus] = status;
        }

        if (identity.Test) claims[Test] = true;
        return claims;
    }
}
