using Microsoft.Playwright;
using Provisioning.Testing;

namespace Provisioning.Console.Tests;

/// <summary>
/// One test's browser context: every page it shows is checked for secrets and saved as a full-page screenshot
/// named <c>&lt;test&gt;-&lt;page&gt;.png</c>.
/// </summary>
public sealed class ConsoleSession(ConsoleFixture console, string test, IBrowserContext context) : IAsyncDisposable
{
    private IPage? _page;

    public IPage Page => _page ?? throw new InvalidOperationException("Visit a page first");

    public IAPIRequestContext Requests => context.APIRequest;

    /// <summary>Goes to <paramref name="path"/> and shows what the browser landed on (after any redirect) as <paramref name="name"/>.</summary>
    public async Task<IResponse?> Visit(string path, string name)
    {
        _page ??= await context.NewPageAsync();
        var response = await _page.GotoAsync(path);
        await Show(name);
        return response;
    }

    /// <summary>Signs in with <paramref name="key"/> and shows the overview the browser lands on.</summary>
    public async Task SignIn(string key)
    {
        await SubmitKey(key);
        await Page.WaitForURLAsync("**/console");
        await Show("overview");
    }

    /// <summary>Fills the sign-in form with <paramref name="key"/> and submits it.</summary>
    public async Task SubmitKey(string key)
    {
        await Visit("/console/signin", "signin");
        await Page.Locator("input[name=key]").FillAsync(key);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>Checks the current page shows no secret, and saves its screenshot.</summary>
    public async Task Show(string name)
    {
        var content = await Page.ContentAsync();
        foreach (var (secret, what) in Secrets())
        {
            Assert.False(content.Contains(secret, StringComparison.Ordinal), $"The page '{name}' ({Page.Url}) shows the {what}");
        }

        await Page.ScreenshotAsync(new() { Path = Path.Combine(ConsoleFixture.Screenshots, $"{test}-{name}.png"), FullPage = true });
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();

    private IEnumerable<(string, string)> Secrets() =>
    [
        (GatewayFactory.SellerAdminKey, "admin key"),
        (GatewayFactory.SellerApiKey, "read key"),
        (console.Gateway.SigningSecret, "signing secret"),
    ];
}
