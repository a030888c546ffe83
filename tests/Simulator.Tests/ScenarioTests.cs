using Provisioning.Simulator.Running;
using Provisioning.Simulator.Scenarios;

namespace Provisioning.Simulator.Tests;

[Collection(GatewayCollection.Name)]
public sealed class ScenarioTests(SimulatedMarketplace marketplace)
{
    public static TheoryData<string> Scenarios => new(ScenarioCatalog.All.Select(s => s.Name));

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Every_step_of_the_scenario_passes_against_the_gateway(string name)
    {
        using var browserHandler = marketplace.Gateway.Server.CreateHandler();
        var runner = new SimulationRunner(marketplace.Gateway.CreateClient(), marketplace.Options, browserHandler);

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
