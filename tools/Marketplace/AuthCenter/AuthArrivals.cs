using System.Collections.Concurrent;

namespace Provisioning.Marketplace.AuthCenter;

/// <summary>
/// What arrived at the fake: token calls per <c>grant_type</c>, ticket validations per answer form (<c>XML</c>, <c>JSON</c>), codes and tickets presented again, and how the received
/// <c>client_secret</c> compared with the registered one (so a test can tell a decrypted secret from the ciphertext, without
/// the secret itself ever being kept or printed).
/// </summary>
public sealed record AuthArrivalSnapshot(
    IReadOnlyDictionary<string, int> TokenRequests,
    int CodesRedeemedTwice,
    int TicketsValidatedTwice,
    int SecretsMatched,
    int SecretsMismatched,
    int UserinfoCalls,
    int Logouts,
    IReadOnlyDictionary<string, int> TicketValidations);

/// <summary>Counts what arrives; <see cref="Snapshot"/> reads it.</summary>
public sealed class AuthArrivals
{
    private readonly ConcurrentDictionary<string, int> _tokenRequests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _ticketValidations = new(StringComparer.Ordinal);
    private int _codesRedeemedTwice;
    private int _ticketsValidatedTwice;
    private int _secretsMatched;
    private int _secretsMismatched;
    private int _userinfoCalls;
    private int _logouts;

    /// <summary>What arrived so far.</summary>
    public AuthArrivalSnapshot Snapshot() => new(
        new Dictionary<string, int>(_tokenRequests, StringComparer.Ordinal),
        Volatile.Read(ref _codesRedeemedTwice),
        Volatile.Read(ref _ticketsValidatedTwice),
        Volatile.Read(ref _secretsMatched),
        Volatile.Read(ref _secretsMismatched),
        Volatile.Read(ref _userinfoCalls),
        Volatile.Read(ref _logouts),
        new Dictionary<string, int>(_ticketValidations, StringComparer.Ordinal));

    internal void TokenRequest(string grantType) => _tokenRequests.AddOrUpdate(grantType, 1, (_, n) => n + 1);

    internal void CodeRedeemedTwice() => Interlocked.Increment(ref _codesRedeemedTwice);

    internal void TicketValidation(bool json) => _ticketValidations.AddOrUpdate(json ? "JSON" : "XML", 1, (_, n) => n + 1);

    internal void TicketValidatedTwice() => Interlocked.Increment(ref _ticketsValidatedTwice);

    internal void Secret(bool matched) => Interlocked.Increment(ref matched ? ref _secretsMatched : ref _secretsMismatched);

    internal void UserinfoCall() => Interlocked.Increment(ref _userinfoCalls);

    internal void Logout() => Interlocked.Increment(ref _logouts);
}
