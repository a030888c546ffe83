using Provisioning.KooGallery.Login;

namespace Provisioning.Gateway.Login;

/// <summary>Turns a failed call to the tenant's auth center into the refusal the buyer sees (docs/login.md, "Errors").</summary>
public static class AuthCenterRefusals
{
    /// <summary>The value, when the call gave it.</summary>
    /// <param name="tokenCall">True for the token endpoint, where HTTP 401 means the client was not accepted (RFC 6749 §5.2).</param>
    /// <exception cref="LoginRefusedException">The call failed; its message (which holds nothing sent) is the reason.</exception>
    public static T ValueOf<T>(AuthCenterResult<T> result, bool tokenCall = false) where T : class =>
        result.Value ?? throw new LoginRefusedException(ErrorOf(result.Failure, tokenCall), result.Message ?? "The auth center refused the call.");

    private static LoginError ErrorOf(AuthCenterFailure? failure, bool tokenCall) => failure switch
    {
        AuthCenterFailure.Unauthorized when tokenCall => LoginError.InvalidClient,
        AuthCenterFailure.InvalidGrant => LoginError.CodeRejected,
        AuthCenterFailure.InvalidTicket => LoginError.TicketRejected,
        AuthCenterFailure.InvalidClient or AuthCenterFailure.Forbidden or AuthCenterFailure.InvalidService => LoginError.InvalidClient,
        _ => LoginError.AuthCenterUnavailable,
    };
}
