namespace Provisioning.KooGallery.Login;

/// <summary>A token answer of a tenant's auth center (kit §D.2).</summary>
/// <param name="AccessToken">The bearer token for userinfo.</param>
/// <param name="TokenType">As sent; <c>Bearer</c> when absent.</param>
/// <param name="ExpiresIn">The access token's lifetime; 7200 s when absent.</param>
/// <param name="Scope">As sent, or null.</param>
/// <param name="RefreshToken">The token that renews the access token, or null when none was given.</param>
public sealed record AuthCenterTokens(string AccessToken, string TokenType, TimeSpan ExpiresIn, string? Scope, string? RefreshToken)
{
    /// <summary>The lifetime assumed when the answer has no <c>expires_in</c>.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromSeconds(7200);

    /// <summary>Everything but the tokens, which never show.</summary>
    public override string ToString() =>
        $"{nameof(AuthCenterTokens)} {{ {nameof(AccessToken)} = ***, {nameof(TokenType)} = {TokenType}, {nameof(ExpiresIn)} = {ExpiresIn}, "
        + $"{nameof(Scope)} = {Scope}, {nameof(RefreshToken)} = {(RefreshToken is null ? "" : "***")} }}";
}
