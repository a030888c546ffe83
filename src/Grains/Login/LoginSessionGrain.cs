namespace Provisioning.Grains.Login;

/// <summary>A login session in memory, kept active until it expires.</summary>
[GrainType("login-session")]
internal sealed class LoginSessionGrain(TimeProvider clock) : Grain, ILoginSessionGrain
{
    private LoginSession? _session;

    Task ILoginSessionGrain.Start(LoginSession session)
    {
        _session = session;
        var keep = session.ExpiresAt - clock.GetUtcNow();
        if (keep > TimeSpan.Zero) DelayDeactivation(keep);
        return Task.CompletedTask;
    }

    Task<LoginSession?> ILoginSessionGrain.Get() => Task.FromResult(Live());

    Task ILoginSessionGrain.Renew(string accessToken, string? refreshToken, DateTimeOffset accessExpiresAt)
    {
        if (Live() is { } session)
        {
            _session = session with { AccessToken = accessToken, RefreshToken = refreshToken ?? session.RefreshToken, AccessExpiresAt = accessExpiresAt };
        }

        return Task.CompletedTask;
    }

    Task<LoginSession?> ILoginSessionGrain.End()
    {
        var ended = Live();
        _session = null;
        DeactivateOnIdle();
        return Task.FromResult(ended);
    }

    private LoginSession? Live()
    {
        if (_session is not null && clock.GetUtcNow() >= _session.ExpiresAt) _session = null;
        return _session;
    }
}
