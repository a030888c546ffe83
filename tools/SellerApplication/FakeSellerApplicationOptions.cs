namespace Provisioning.SellerApplication;

/// <summary>
/// What the fake seller application shares with the backend: the Standard Webhooks signing secret (<c>whsec_</c> and Base64,
/// the backend's <c>SellerApplication:SigningSecret</c>); and where it listens (loopback only; port 0 picks a free one).
/// </summary>
public sealed record FakeSellerApplicationOptions(int Port, string SigningSecret)
{
    /// <summary>How long a <see cref="DeliveryFault.Silent"/> delivery is held before the connection is closed unanswered.</summary>
    public TimeSpan SilenceHold { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Names only what is safe to print: the secret never reaches a log.</summary>
    public override string ToString() => $"FakeSellerApplicationOptions {{ Port = {Port} }}";
}
