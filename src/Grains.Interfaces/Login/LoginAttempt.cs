using Provisioning.Grains.Instances;

namespace Provisioning.Grains.Login;

/// <summary>How a login reaches the tenant's auth center.</summary>
[GenerateSerializer, Alias("prov.LoginMethod")]
public enum LoginMethod
{
    OAuth2 = 0,
    Cas = 1,
}

/// <summary>
/// A login this gateway started, waiting for its callback. It holds the PKCE verifier, so it never leaves the cluster and
/// never shows in <see cref="ToString"/>.
/// </summary>
/// <param name="State">The OAuth <c>state</c> sent to the auth center; null when none was (unified login, CAS).</param>
/// <param name="PkceVerifier">The PKCE verifier whose challenge was sent, or null.</param>
/// <param name="CasService">The CAS service the ticket will be issued for, exactly as sent; null for OAuth.</param>
[GenerateSerializer, Immutable, Alias("prov.LoginAttempt")]
public sealed record LoginAttempt(
    [property: Id(0)] string TenantId,
    [property: Id(1)] Traffic Traffic,
    [property: Id(2)] LoginMethod Method,
    [property: Id(3)] string ReturnUrl,
    [property: Id(4)] string? State,
    [property: Id(5)] string? PkceVerifier,
    [property: Id(6)] string? CasService,
    [property: Id(7)] DateTimeOffset ExpiresAt)
{
    public override string ToString() => $"{nameof(LoginAttempt)} {{ {nameof(TenantId)} = {TenantId}, {nameof(Traffic)} = {Traffic}, {nameof(Method)} = {Method} }}";
}

/// <summary>What completing an attempt found.</summary>
[GenerateSerializer, Alias("prov.LoginAttemptStatus")]
public enum LoginAttemptStatus
{
    /// <summary>The attempt was waiting and is now completed; <see cref="LoginAttemptClaim.Attempt"/> holds it.</summary>
    Claimed = 0,

    /// <summary>No attempt was begun under this key (or it was forgotten).</summary>
    Unknown = 1,

    /// <summary>The attempt was already completed: its callback is being replayed.</summary>
    AlreadyCompleted = 2,

    /// <summary>The attempt is older than its lifetime.</summary>
    Expired = 3,
}

[GenerateSerializer, Immutable, Alias("prov.LoginAttemptClaim")]
public sealed record LoginAttemptClaim([property: Id(0)] LoginAttemptStatus Status, [property: Id(1)] LoginAttempt? Attempt);
