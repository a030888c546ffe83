namespace Provisioning.Grains.Login;

/// <summary>
/// One login attempt, keyed by the random value of the browser's attempt cookie: the callback completes it once. Kept in
/// memory only; an attempt lost with its silo is started again by the user.
/// </summary>
[Alias("prov.ILoginAttemptGrain")]
public interface ILoginAttemptGrain : IGrainWithStringKey
{
    /// <summary>Starts waiting for the callback until the attempt's expiry; a second begin under the same key replaces the first.</summary>
    [Alias("Begin")] Task Begin(LoginAttempt attempt);

    /// <summary>Completes the attempt, once: every later call answers <see cref="LoginAttemptStatus.AlreadyCompleted"/>.</summary>
    [Alias("Complete")] Task<LoginAttemptClaim> Complete();
}
