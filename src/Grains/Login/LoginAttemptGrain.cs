namespace Provisioning.Grains.Login;

/// <summary>
/// A login attempt in memory. It stays active until it expires, so that a replayed callback is told the attempt was
/// already completed rather than never begun.
/// </summary>
[GrainType("login-attempt")]
internal sealed class LoginAttemptGrain(TimeProvider clock) : Grain, ILoginAttemptGrain
{
    private LoginAttempt? _attempt;
    private bool _completed;

    Task ILoginAttemptGrain.Begin(LoginAttempt attempt)
    {
        _attempt = attempt;
        _completed = false;
        KeepUntil(attempt.ExpiresAt);
        return Task.CompletedTask;
    }

    Task<LoginAttemptClaim> ILoginAttemptGrain.Complete()
    {
        if (_attempt is null) return Task.FromResult(new LoginAttemptClaim(LoginAttemptStatus.Unknown, null));
        if (_completed) return Task.FromResult(new LoginAttemptClaim(LoginAttemptStatus.AlreadyCompleted, null));
        _completed = true;
        return Task.FromResult(clock.GetUtcNow() >= _attempt.ExpiresAt
            ? new LoginAttemptClaim(LoginAttemptStatus.Expired, null)
            : new LoginAttemptClaim(LoginAttemptStatus.Claimed, _attempt));
    }

    private void KeepUntil(DateTimeOffset until)
    {
        var keep = until - clock.GetUtcNow();
        if (keep > TimeSpan.Zero) DelayDeactivation(keep);
    }
}
