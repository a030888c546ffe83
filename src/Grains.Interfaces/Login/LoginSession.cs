using Provisioning.Grains.Instances;

namespace Provisioning.Grains.Login;

/// <summary>
/// A user admitted by a login, while the session lives: whom to check again on refresh, and the auth center's tokens to
/// renew and revoke. The tokens never leave the cluster and never show in <see cref="ToString"/>.
/// </summary>
/// <param name="PublicId">The session's id in tokens (<c>sid</c>); not the cookie value, which only the browser holds.</param>
/// <param name="AccessExpiresAt">When the auth center's access token expires; null for CAS.</param>
[GenerateSerializer, Immutable, Alias("prov.LoginSession")]
public sealed record LoginSession(
    [property: Id(0)] string PublicId,
    [property: Id(1)] string TenantId,
    [property: Id(2)] Traffic Traffic,
    [property: Id(3)] string AppId,
    [property: Id(4)] string UserName,
    [property: Id(5)] LoginMethod Method,
    [property: Id(6)] string? AccessToken,
    [property: Id(7)] string? RefreshToken,
    [property: Id(8)] DateTimeOffset? AccessExpiresAt,
    [property: Id(9)] DateTimeOffset ExpiresAt)
{
    public override string ToString() =>
        $"{nameof(LoginSession)} {{ {nameof(PublicId)} = {PublicId}, {nameof(TenantId)} = {TenantId}, {nameof(Traffic)} = {Traffic}, {nameof(Method)} = {Method} }}";
}
