namespace Provisioning.SellerApplication;

/// <summary>
/// What the fake seller application shares with the backend: the Standard Webhooks signing secret (<c>whsec_</c> and Base64,
/// the backend's <c>SellerApplication:SigningSecret</c>); and where it listens (loopback only; port 0 picks a free one).
/// </summary>
public sealed record FakeSellerApplicationOptions(int Port, string SigningSecret)
{
    private const string SecretPrefix = "whsec_";

    /// <summary>How long a <see cref="DeliveryFault.Silent"/> delivery is held before the connection is closed unanswered.</summary>
    public TimeSpan SilenceHold { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Why the options cannot be used (the secret is not <c>whsec_</c> and Base64, the port is not a TCP port), or null.</summary>
    public string? Problem()
    {
        var key = SigningSecret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? SigningSecret[SecretPrefix.Length..] : SigningSecret;
        var bytes = new byte[key.Length];
        return Port is < 0 or > 65535 ? "the port must be a TCP port"
            : key.Length == 0 || !Convert.TryFromBase64String(key, bytes, out _) ? "the signing secret must be whsec_ followed by Base64"
            : null;
    }

    /// <summary>Names only what is safe to print: the secret never reaches a log.</summary>
    public override string ToString() => $"FakeSellerApplicationOptions {{ Port = {Port} }}";
}
