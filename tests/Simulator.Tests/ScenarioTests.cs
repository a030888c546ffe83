using Provisioning.Simulator.Running;
using Provisioning.Simulator.Scenarios;

namespace Provisioning.Simulator.Tests;

[Collection(GatewayCollection.Name)]
public sealed class ScenarioTests(SimulatedMarketplace marketplace)
{
    // The seller event scenarios need a gateway that delivers events to a fake seller application; SellerEventScenarioTests
    // covers them until the gateway here is given one.
    public static TheoryData<string> Scenarios => new(ScenarioCatalog.All.Where(s => !SellerEventScenarioTests.Names.Contains(s.Name)).Select(s => s.Name));

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Every_step_of_the_scenario_passes_against_the_gateway(string name)
    {
        var runner = new SimulationRunner(marketplace.Gateway.CreateClient(), marketplace.Options);

        var report = await runner.Run([ScenarioCatalog.Find(name)!]);

        var outcome = Assert.Single(report.Scenarios);
        Assert.False(outcome.Skipped, outcome.SkippedBecause);
        Assert.All(report.Steps, step => Assert.True(step.Passed, $"{step.Step}: {step.Failure}"));
        Assert.True(report.Passed);
        Assert.Equal(0, report.ExitCode);
    }

    [Fact]
    public void Scenario_names_are_unique()
    {
        Assert.Equal(ScenarioCatalog.All.Count, ScenarioCatalog.All.Select(s => s.Name).Distinct().Count());
    }
}
