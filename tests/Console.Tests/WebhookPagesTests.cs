using Microsoft.Playwright;
using Provisioning.Testing;

namespace Provisioning.Console.Tests;

/// <summary>The dead letters page: the operator re-drives, the read-only operator only looks, and a forged POST is refused.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class WebhookPagesTests(ConsoleFixture console)
{
    private static ILocator Row(IPage page, string eventId) => page.Locator($"#dead-letters tr[data-event-id='{eventId}']");

    /// <summary>A dead letter of the seeded instance <paramref name="instanceId"/>: each test takes its own instance's.</summary>
    private string DeadLetterOf(string instanceId) =>
        console.Instances.DeadLetters.First(e => e.Stream == "instance:live/" + instanceId).EventId;

    [Fact]
    public async Task A_redriven_dead_letter_is_delivered_and_leaves_the_list()
    {
        var deadLetter = DeadLetterOf(console.Instances.Active);
        await using var session = await console.OpenSession();
        await session.SignIn(GatewayFactory.SellerAdminKey);
        await session.Visit("/console/webhooks", "dead-letters");
        console.Events.Accept();

        await Row(session.Page, deadLetter).GetByRole(AriaRole.Button, new() { Name = "Re-drive" }).ClickAsync();
        await Assertions.Expect(session.Page.Locator("#redriven")).ToContainTextAsync(deadLetter);
        await session.Show("redriven");

        Assert.Equal(0, await Row(session.Page, deadLetter).CountAsync());
        await Eventually.True(() => console.Events.Delivered(deadLetter), "the seller application received the re-driven event");
        await session.Visit("/console/webhooks", "dead-letters-after-delivery");
        Assert.Equal(0, await Row(session.Page, deadLetter).CountAsync());
    }

    [Fact]
    public async Task A_read_only_operator_sees_the_dead_letters_without_a_redrive_button()
    {
        var deadLetter = DeadLetterOf(console.Instances.Released);
        await using var session = await console.OpenSession();
        await session.SignIn(GatewayFactory.SellerApiKey);

        await session.Visit("/console/webhooks", "dead-letters");

        Assert.Equal(1, await Row(session.Page, deadLetter).CountAsync());
        Assert.Equal(0, await session.Page.GetByRole(AriaRole.Button, new() { Name = "Re-drive" }).CountAsync());
    }

    [Fact]
    public async Task A_redrive_posted_by_a_read_only_operator_with_a_valid_token_is_forbidden()
    {
        var deadLetter = DeadLetterOf(console.Instances.Released);
        await using var session = await console.OpenSession();
        await session.SignIn(GatewayFactory.SellerApiKey);
        await session.Visit("/console/webhooks", "dead-letters");
        // The sign-out form carries a token valid for this session: without the button, only the role stops the POST.
        var fields = session.Requests.CreateFormData();
        fields.Set("__RequestVerificationToken", await session.Page.Locator("nav form input[name=__RequestVerificationToken]").InputValueAsync());

        var posted = await session.Requests.PostAsync($"/console/webhooks?handler=Redrive&eventId={deadLetter}", new() { Form = fields, MaxRedirects = 0 });

        Assert.Equal(403, posted.Status);
        await session.Visit("/console/webhooks", "dead-letters-after-post");
        Assert.Equal(1, await Row(session.Page, deadLetter).CountAsync());
    }

    [Fact]
    public async Task A_redrive_posted_without_the_anti_forgery_token_is_refused()
    {
        var deadLetter = DeadLetterOf(console.Instances.Released);
        await using var session = await console.OpenSession();
        await session.SignIn(GatewayFactory.SellerAdminKey);
        await session.Visit("/console/webhooks", "dead-letters");
        var form = Row(session.Page, deadLetter).Locator("form");
        var action = await form.GetAttributeAsync("action") ?? "/console/webhooks";
        var fields = session.Requests.CreateFormData();
        foreach (var input in await form.Locator("input[name]:not([name=__RequestVerificationToken])").AllAsync())
        {
            fields.Set((await input.GetAttributeAsync("name"))!, await input.InputValueAsync());
        }

        var forged = await session.Requests.PostAsync(action, new() { Form = fields, MaxRedirects = 0 });

        Assert.Equal(400, forged.Status);
        await session.Visit("/console/webhooks", "dead-letters-after-forgery");
        Assert.Equal(1, await Row(session.Page, deadLetter).CountAsync());
    }
}
