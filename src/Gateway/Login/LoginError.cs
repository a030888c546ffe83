namespace Provisioning.Gateway.Login;

/// <summary>Why a login was refused: the code shown to the buyer and the seller (docs/login.md, "Errors") and its HTTP status.</summary>
public sealed record LoginError(string Code, int Status)
{
    public static readonly LoginError InvalidRequest = new("invalid_request", 400);
    public static readonly LoginError ReturnUrlNotAllowed = new("return_url_not_allowed", 400);
    public static readonly LoginError UnknownTenant = new("unknown_tenant", 404);
    public static readonly LoginError AuthCenterInvalid = new("auth_center_invalid", 409);
    public static readonly LoginError NoAppCredentials = new("no_app_credentials", 409);
    public static readonly LoginError SecretUndecryptable = new("secret_undecryptable", 500);
    public static readonly LoginError StateMismatch = new("state_mismatch", 400);
    public static readonly LoginError LoginExpired = new("login_expired", 400);
    public static readonly LoginError AuthorizationDenied = new("authorization_denied", 400);
    public static readonly LoginError CodeRejected = new("code_rejected", 400);
    public static readonly LoginError TicketRejected = new("ticket_rejected", 400);
    public static readonly LoginError InvalidClient = new("invalid_client", 502);
    public static readonly LoginError AuthCenterUnavailable = new("auth_center_unavailable", 502);
    public static readonly LoginError TenantMismatch = new("tenant_mismatch", 403);
    public static readonly LoginError UserNotAuthorized = new("user_not_authorized", 403);
    public static readonly LoginError UserDisabled = new("user_disabled", 403);
    public static readonly LoginError InstanceProvisioning = new("instance_provisioning", 403);
    public static readonly LoginError InstanceFrozen = new("instance_frozen", 403);
    public static readonly LoginError InstanceReleased = new("instance_released", 403);
    public static readonly LoginError NoSession = new("no_session", 401);
    public static readonly LoginError ClusterUnavailable = new("cluster_unavailable", 503);
}

/// <summary>
/// A login refused for a reason the buyer or seller can act on. <see cref="Exception.Message"/> says what to check; it never
/// holds a code, ticket, token, secret or personal data, so it is logged and shown as it is.
/// </summary>
public sealed class LoginRefusedException(LoginError error, string reason) : Exception(reason)
{
    public LoginError Error { get; } = error;
}
