namespace Provisioning.KooGallery.Login;

/// <summary>Why a call to a tenant's auth center did not give what was asked, sorted by what the caller can do about it.</summary>
public enum AuthCenterFailure
{
    /// <summary>
    /// <c>invalid_client</c>: the auth center does not know the client or its secret. Check the tenant's clientId and
    /// domainName, and that the clientSecret was RSA-decrypted (kit §D FAQ).
    /// </summary>
    InvalidClient,

    /// <summary><c>invalid_grant</c>: the code (or refresh token) was already used, has expired, or belongs to another client; log in again.</summary>
    InvalidGrant,

    /// <summary>HTTP 401: the access token is not (or no longer) accepted; refresh it or log in again.</summary>
    Unauthorized,

    /// <summary>HTTP 403: refused; on a token call usually a wrong domainName/clientId or an undecrypted clientSecret.</summary>
    Forbidden,

    /// <summary>No answer in time, no connection, or HTTP 408, 429 or 5xx: the auth center may work later.</summary>
    Transient,

    /// <summary>An answer that cannot be read one way only: not the expected JSON or XML, a repeated key, a missing member.</summary>
    Unreadable,

    /// <summary>Another refusal (an <c>error</c> not listed above, or an unexpected status); <see cref="AuthCenterResult{T}.Error"/> has its code.</summary>
    Refused,

    /// <summary>CAS <c>INVALID_TICKET</c>: the ticket is unknown, used or expired; log in again.</summary>
    InvalidTicket,

    /// <summary>CAS <c>INVALID_SERVICE</c>: the service differs from the registered callback the ticket was issued for.</summary>
    InvalidService,
}
