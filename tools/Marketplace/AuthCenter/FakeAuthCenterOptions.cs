namespace Provisioning.Marketplace.AuthCenter;

/// <summary>Where the fake auth center listens (loopback only; port 0 picks a free one) and how long what it issues lives.</summary>
public sealed record FakeAuthCenterOptions(int Port)
{
    /// <summary>An access token's life (spec §D.2: 2 hours).</summary>
    public TimeSpan AccessTokenLifetime { get; init; } = TimeSpan.FromHours(2);

    /// <summary>A refresh token's life (spec §D.2: 30 days).</summary>
    public TimeSpan RefreshTokenLifetime { get; init; } = TimeSpan.FromDays(30);

    /// <summary>How long an authorization code may wait for its exchange.</summary>
    public TimeSpan CodeLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a CAS service ticket may wait for its validation.</summary>
    public TimeSpan TicketLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long an injected slow token call holds its answer back (the caller gives up long before).</summary>
    public TimeSpan SlowHold { get; init; } = TimeSpan.FromSeconds(30);
}
