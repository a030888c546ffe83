using Provisioning.Simulator.Running;
using Provisioning.Simulator.Scenarios;
using Provisioning.Testing;

namespace Provisioning.Simulator.Tests;

[Collection(GatewayCollection.Name)]
public sealed class SellerEventScenarioTests(SimulatedMarketplace marketplace)
{
    public static readonly string[] Names = ["seller-events-lifecycle", "seller-events-tenant", "seller-events-failing-app", "seller-events-dropped-connections"];

    [Fact]
    public void Every_seller_event_scenario_is_in_the_catalog()
    {
        Assert.All(Names, name => Assert.NotNull(ScenarioCatalog.Find(name)));
        Assert.Equal(Names, ScenarioCatalog.All.Select(s => s.Name).Where(n => n.StartsWith("seller-events-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Without_a_fake_seller_application_they_are_skipped_naming_the_option_before_any_call()
    {
        var runner = new SimulationRunner(marketplace.Gateway.CreateClient(), marketplace.Options with { SellerApp = null });

        var report = await runner.Run([.. Names.Select(n => ScenarioCatalog.Find(n)!), ScenarioCatalog.Find("fault-replay")!]);

        Assert.All(report.Scenarios.Take(Names.Length), outcome =>
        {
            Assert.Equal("needs --seller-app or --seller-app-port", outcome.SkippedBecause);
            Assert.Empty(outcome.Steps);
        });
        Assert.Equal(0, report.ExitCode);
    }
}
