using System.Security.Cryptography;

namespace Provisioning.SellerApplication.Tests;

/// <summary>A fresh fake seller application on a free port per test, with a sender signing with its secret.</summary>
public abstract class FakeSellerApplicationFixture : IAsyncLifetime
{
    protected static readonly string Secret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    protected FakeSellerApplication App { get; private set; } = null!;

    internal WebhookSender Sender { get; private set; } = null!;

    private HttpClient _http = null!;

    /// <summary>The options the fake starts with; a test class may shorten the silence.</summary>
    protected virtual FakeSellerApplicationOptions Options => new(0, Secret) { SilenceHold = TimeSpan.FromSeconds(1) };

    public async Task InitializeAsync()
    {
        App = await FakeSellerApplication.StartAsync(Options);
        _http = new HttpClient { BaseAddress = App.BaseUrl, Timeout = TimeSpan.FromSeconds(10) };
        Sender = new WebhookSender(_http, Secret);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await App.DisposeAsync();
    }

    protected HttpClient NewClient(TimeSpan timeout) => new() { BaseAddress = App.BaseUrl, Timeout = timeout };
}
