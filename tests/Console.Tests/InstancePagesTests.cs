using Microsoft.Playwright;
using Provisioning.Testing;

namespace Provisioning.Console.Tests;

/// <summary>The instance list and one instance's page, over the seeded active, frozen and released instances.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class InstancePagesTests(ConsoleFixture console)
{
    private static async Task<string[]> ListedIds(IPage page) =>
        [.. await Task.WhenAll((await page.Locator("#instances tr[data-instance-id]").AllAsync()).Select(async row => (await row.GetAttributeAsync("data-instance-id"))!))];

    [Fact]
    public async Task Filtering_by_status_frozen_lists_only_the_frozen_instance()
    {
        await using var session = await console.OpenSession();
        await session.SignIn(GatewayFactory.SellerApiKey);
        await session.Visit("/console/instances", "instances");
        var seeded = console.Instances;
        Assert.Superset(new HashSet<string>([seeded.Active, seeded.Frozen, seeded.Released]), new HashSet<string>(await ListedIds(session.Page)));

        await session.Page.Locator("select[name=status]").SelectOptionAsync("frozen");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await session.Page.WaitForURLAsync(url => url.Contains("status=frozen", StringComparison.Ordinal));
        await session.Show("instances-frozen");

        Assert.Equal([seeded.Frozen], await ListedIds(session.Page));
    }

    [Fact]
    public async Task An_instance_page_shows_its_status_its_marketplace_calls_and_its_events()
    {
        var frozen = console.Instances.Frozen;
        await using var session = await console.OpenSession();
        await session.SignIn(GatewayFactory.SellerApiKey);
        await session.Visit("/console/instances", "instances");

        await session.Page.Locator($"#instances tr[data-instance-id='{frozen}'] a[href='/console/instances/{frozen}']").ClickAsync();
        await session.Page.WaitForURLAsync($"**/console/instances/{frozen}");
        await session.Show("instance");

        Assert.Contains(frozen, await session.Page.Locator("h1").InnerTextAsync());
        Assert.Equal("frozen", (await session.Page.Locator("#status").InnerTextAsync()).Trim(), ignoreCase: true);
        var calls = session.Page.Locator("#history tbody tr");
        foreach (var activity in new[] { "newInstance", "expireInstance" })
        {
            var row = calls.Filter(new() { HasText = activity });
            Assert.Equal(1, await row.CountAsync());
            Assert.Contains("000000", await row.InnerTextAsync());
        }

        var events = session.Page.Locator("#events tbody tr");
        foreach (var type in new[] { "instance.opened", "instance.frozen" })
        {
            Assert.Equal(1, await events.Filter(new() { HasText = type }).CountAsync());
        }
    }
}
