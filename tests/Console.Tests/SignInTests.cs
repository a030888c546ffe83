using Microsoft.Playwright;
using Provisioning.Testing;

namespace Provisioning.Console.Tests;

/// <summary>Signing in to the console with a key, in a real browser.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class SignInTests(ConsoleFixture console)
{
    [Theory]
    [InlineData("/console")]
    [InlineData("/console/instances")]
    [InlineData("/console/webhooks")]
    public async Task A_page_without_the_session_cookie_leads_to_the_sign_in_page(string path)
    {
        await using var session = await console.OpenSession();

        await session.Visit(path, path.Trim('/').Replace('/', '-'));

        Assert.Equal("/console/signin", new Uri(session.Page.Url).AbsolutePath);
        Assert.True(await session.Page.Locator("input[name=key][type=password]").IsVisibleAsync());
    }

    [Fact]
    public async Task The_admin_key_signs_in_to_the_overview()
    {
        await using var session = await console.OpenSession();

        await session.SignIn(GatewayFactory.SellerAdminKey);

        Assert.Equal("/console", new Uri(session.Page.Url).AbsolutePath);
        Assert.Equal("Overview", (await session.Page.Locator("h1").InnerTextAsync()).Trim());
        var counts = new List<string>();
        foreach (var row in await session.Page.Locator("#instances-by-status tr:has(td)").AllAsync())
        {
            counts.Add(string.Join(' ', await row.Locator("td").AllInnerTextsAsync()));
        }

        Assert.Equal(["live active 1", "live frozen 1", "live released 1"], counts.Order());
    }

    [Fact]
    public async Task A_wrong_key_is_refused_on_the_sign_in_page()
    {
        await using var session = await console.OpenSession();

        await session.SubmitKey("not-a-key");

        await Assertions.Expect(session.Page.GetByText("The key is not valid")).ToBeVisibleAsync();
        await session.Show("refused");
        Assert.Equal("/console/signin", new Uri(session.Page.Url).AbsolutePath);
        await session.Visit("/console", "after-refusal");
        Assert.Equal("/console/signin", new Uri(session.Page.Url).AbsolutePath);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        await using var session = await console.OpenSession();
        await session.SignIn(GatewayFactory.SellerApiKey);

        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await session.Page.WaitForURLAsync("**/console/signin");
        await session.Show("signed-out");
        await session.Visit("/console/instances", "instances-after-sign-out");

        Assert.Equal("/console/signin", new Uri(session.Page.Url).AbsolutePath);
    }
}
