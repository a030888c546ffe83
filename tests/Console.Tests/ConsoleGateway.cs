using System.Security.Cryptography;
using Provisioning.Testing;

namespace Provisioning.Console.Tests;

/// <summary>
/// The real gateway on a real loopback port, so a browser can reach it, sending its events to <paramref name="events"/>
/// with retries and dead-lettering fast enough for a test.
/// </summary>
public sealed class ConsoleGateway : GatewayFactory
{
    private readonly Uri _events;

    public ConsoleGateway(Uri events)
    {
        _events = events;
        var port = FreePort();
        UseKestrel(port);
        Root = new Uri($"http://localhost:{port}");
    }

    public Uri Root { get; }

    public string SigningSecret { get; } = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["SellerApplication:EventsUrl"] = _events.ToString(),
        ["SellerApplication:SigningSecret"] = SigningSecret,
        ["SellerApplication:RequestTimeout"] = "00:00:01",
        ["SellerApplication:PollPeriod"] = "00:00:00.050",
        ["SellerApplication:RetryDelay"] = "00:00:00.100",
        ["SellerApplication:MaxRetryDelay"] = "00:00:00.200",
        ["SellerApplication:DeadLetterAfter"] = "00:00:01",
    };
}
