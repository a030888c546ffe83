using System.Security.Cryptography;

namespace Provisioning.Marketplace.AuthCenter;

/// <summary>What an authorization code was issued for: the code exchange must match it.</summary>
internal sealed record CodeGrant(string TenantId, string ClientId, string RedirectUri, string? CodeChallenge, string UserName, string Scope, DateTimeOffset Expires);

/// <summary>What an access or refresh token stands for.</summary>
internal sealed record TokenGrant(string TenantId, string ClientId, string UserName, string Scope, DateTimeOffset Expires);

/// <summary>What a CAS service ticket was issued for.</summary>
internal sealed record TicketGrant(string TenantId, string Service, string UserName, DateTimeOffset Expires);

/// <summary>A token answer's two tokens.</summary>
internal sealed record TokenPair(string AccessToken, string RefreshToken);

/// <summary>How presenting a code or ticket went: the grant on its first use, and whether it had been used before.</summary>
internal sealed record Redemption<T>(T? Grant, bool UsedBefore)
    where T : class;

/// <summary>
/// The codes, tokens and tickets issued, under one lock: a code or ticket is good once, and a code presented again revokes
/// the tokens it gave (RFC 6749 §4.1.2); signing a user out revokes that user's tokens.
/// </summary>
internal sealed class Grants
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, CodeGrant> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _usedCodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TokenGrant> _accessTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TokenGrant> _refreshTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TicketGrant> _tickets = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usedTickets = new(StringComparer.Ordinal);

    public string IssueCode(CodeGrant grant)
    {
        var code = Random();
        lock (_lock) _codes[code] = grant;
        return code;
    }

    /// <summary>Takes the code for good; a code presented again revokes what it gave.</summary>
    public Redemption<CodeGrant> RedeemCode(string code)
    {
        lock (_lock)
        {
            if (_codes.Remove(code, out var grant))
            {
                _usedCodes[code] = [];
                return new Redemption<CodeGrant>(grant, false);
            }

            if (!_usedCodes.TryGetValue(code, out var tokens)) return new Redemption<CodeGrant>(null, false);
            foreach (var token in tokens)
            {
                _accessTokens.Remove(token);
                _refreshTokens.Remove(token);
            }

            return new Redemption<CodeGrant>(null, true);
        }
    }

    public TokenPair IssueTokens(TokenGrant access, TokenGrant refresh, string? fromCode)
    {
        var pair = new TokenPair(Random(), Random());
        lock (_lock)
        {
            _accessTokens[pair.AccessToken] = access;
            _refreshTokens[pair.RefreshToken] = refresh;
            if (fromCode is not null && _usedCodes.TryGetValue(fromCode, out var tokens)) tokens.AddRange([pair.AccessToken, pair.RefreshToken]);
        }

        return pair;
    }

    /// <summary>A fresh access token for a live refresh token, which stays good until it expires or the user signs out.</summary>
    public string? Refresh(string refreshToken, Func<TokenGrant, TokenGrant?> access)
    {
        lock (_lock)
        {
            if (!_refreshTokens.TryGetValue(refreshToken, out var refresh) || access(refresh) is not { } grant) return null;
            var token = Random();
            _accessTokens[token] = grant;
            return token;
        }
    }

    public TokenGrant? Access(string accessToken)
    {
        lock (_lock) return _accessTokens.GetValueOrDefault(accessToken);
    }

    public void RevokeUser(string tenantId, string userName)
    {
        lock (_lock)
        {
            foreach (var tokens in new[] { _accessTokens, _refreshTokens })
            {
                foreach (var (token, _) in tokens.Where(t => t.Value.TenantId == tenantId && t.Value.UserName == userName).ToList())
                {
                    tokens.Remove(token);
                }
            }
        }
    }

    public string IssueTicket(TicketGrant grant)
    {
        var ticket = "ST-" + Random();
        lock (_lock) _tickets[ticket] = grant;
        return ticket;
    }

    /// <summary>Takes the ticket for good (CAS 3.0 §3.1: a ticket is validated once, whatever the outcome).</summary>
    public Redemption<TicketGrant> RedeemTicket(string ticket)
    {
        lock (_lock)
        {
            if (_tickets.Remove(ticket, out var grant))
            {
                _usedTickets.Add(ticket);
                return new Redemption<TicketGrant>(grant, false);
            }

            return new Redemption<TicketGrant>(null, _usedTickets.Contains(ticket));
        }
    }

    private static string Random() => RandomNumberGenerator.GetHexString(32, lowercase: true);
}
