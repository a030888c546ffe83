namespace Provisioning.KooGallery.Login;

/// <summary>What a call to a tenant's auth center gave: the value, or a failure to act on. Never holds a code, ticket or secret.</summary>
/// <param name="Value">The tokens or user; null on failure.</param>
/// <param name="Failure">Null on success.</param>
/// <param name="Error">The auth center's error code (<c>invalid_grant</c>, <c>INVALID_TICKET</c>, …), or empty.</param>
/// <param name="HttpStatus">The answer's status; null when no answer came.</param>
/// <param name="Message">On failure, what went wrong and what to check, the auth center's description included with anything sent removed.</param>
public sealed record AuthCenterResult<T>(T? Value, AuthCenterFailure? Failure, string Error, int? HttpStatus, string? Message) where T : class
{
    /// <summary>True when <see cref="Value"/> holds what was asked.</summary>
    public bool IsSuccess => Failure is null;

    /// <summary>True when the same call may work later.</summary>
    public bool IsTransient => Failure == AuthCenterFailure.Transient;

    internal static AuthCenterResult<T> Success(T value, int httpStatus) => new(value, null, "", httpStatus, null);

    internal static AuthCenterResult<T> Failed(AuthCenterFailure failure, string error, int? httpStatus, string message) =>
        new(null, failure, error, httpStatus, message);
}
