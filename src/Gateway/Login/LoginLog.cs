namespace Provisioning.Gateway.Login;

/// <summary>What logins log: the tenant and the reason, never a code, ticket, token, secret, user name or other personal data.</summary>
internal static partial class LoginLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Warning, Message = "Login {Step} refused for tenant {TenantId}: {Error}. {Reason}")]
    public static partial void Refused(this ILogger logger, string step, string? tenantId, string error, string reason);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Login {Step} admitted a {Role} of tenant {TenantId} through {Method} (session {SessionId})")]
    public static partial void Admitted(this ILogger logger, string step, string tenantId, string role, string method, string sessionId);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Logout ended session {SessionId} of tenant {TenantId}")]
    public static partial void LoggedOut(this ILogger logger, string tenantId, string sessionId);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Login {Step} for tenant {TenantId} could not reach the cluster")]
    public static partial void ClusterUnavailable(this ILogger logger, Exception exception, string step, string? tenantId);
}
