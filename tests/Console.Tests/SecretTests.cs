using Provisioning.Testing;

namespace Provisioning.Console.Tests;

/// <summary>
/// Every console page, as the operator sees it, shows neither key nor the signing secret (<see cref="ConsoleSession.Show"/>
/// checks each page a test visits; this test visits them all).
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class SecretTests(ConsoleFixture console)
{
    [Fact]
    public async Task No_page_shows_a_key_or_the_signing_secret()
    {
        await using var session = await console.OpenSession();
        await session.SignIn(GatewayFactory.SellerAdminKey);

        await session.Visit("/console/instances", "instances");
        foreach (var (instance, name) in new[] { (console.Instances.Active, "active"), (console.Instances.Frozen, "frozen"), (console.Instances.Released, "released") })
        {
            var response = await session.Visit($"/console/instances/{instance}", $"instance-{name}");
            Assert.Equal(200, response!.Status);
        }

        foreach (var page in new[] { "webhooks", "tenants", "usage", "licenses" })
        {
            var response = await session.Visit($"/console/{page}", page);
            Assert.Equal(200, response!.Status);
        }
    }
}
