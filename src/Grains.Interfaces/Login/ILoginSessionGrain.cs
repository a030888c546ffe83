namespace Provisioning.Grains.Login;

/// <summary>
/// One login session, keyed by the random value of the browser's session cookie. Kept in memory only (the auth center's
/// tokens are never written to the database); a session lost with its silo means logging in again.
/// </summary>
[Alias("prov.ILoginSessionGrain")]
public interface ILoginSessionGrain : IGrainWithStringKey
{
    [Alias("Start")] Task Start(LoginSession session);

    /// <summary>The session, or null when none was started, it ended, or it expired.</summary>
    [Alias("Get")] Task<LoginSession?> Get();

    /// <summary>Keeps the auth center's renewed tokens; does nothing when the session is gone.</summary>
    [Alias("Renew")] Task Renew(string accessToken, string? refreshToken, DateTimeOffset accessExpiresAt);

    /// <summary>Ends the session and answers what it was, or null when there was none.</summary>
    [Alias("End")] Task<LoginSession?> End();
}
