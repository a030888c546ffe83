using Provisioning.Simulator.Running;
using Provisioning.Simulator.Scenarios;
using Provisioning.Testing;

namespace Provisioning.Simulator.Tests;

[Collection(GatewayCollection.Name)]
public sealed class ScenarioTests(GatewayFactory gateway)
{
    public static TheoryData<string> Scenarios => new(ScenarioCatalog.All.Select(s => s.Name));

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Every_step_of_the_scenario_passes_against_the_gateway(string name)
    {
        var runner = new SimulationRunner(gateway.CreateClient(), new SimulationOptions(GatewayFactory.Key, GatewayFactory.AccessKey));

        var report = await runner.Run([ScenarioCatalog.Find(name)!]);

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
