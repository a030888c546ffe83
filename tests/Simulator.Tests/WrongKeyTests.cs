using Provisioning.Simulator.Reporting;
using Provisioning.Simulator.Running;
using Provisioning.Simulator.Scenarios;
using Provisioning.Testing;
using Spectre.Console;

namespace Provisioning.Simulator.Tests;

[Collection(GatewayCollection.Name)]
public sealed class WrongKeyTests(SimulatedMarketplace marketplace)
{
    [Fact]
    public async Task A_run_with_a_key_the_gateway_does_not_hold_fails_with_exit_code_1()
    {
        var runner = new SimulationRunner(marketplace.Gateway.CreateClient(), new SimulationOptions("not-the-seller-key", "not-the-access-key"));

        var report = await runner.Run(ScenarioCatalog.All);

        Assert.Equal(1, report.ExitCode);
        Assert.All(report.Scenarios, scenario => Assert.False(scenario.Passed, scenario.Scenario));
        var first = report.Scenarios[0].Steps.Single();
        Assert.Equal("newInstance", first.Step);
        Assert.Equal("000001", first.ResultCode);
    }

    [Fact]
    public async Task The_report_names_each_failed_step_and_its_reason()
    {
        var runner = new SimulationRunner(marketplace.Gateway.CreateClient(), new SimulationOptions("not-the-seller-key", GatewayFactory.AccessKey));
        var report = await runner.Run([ScenarioCatalog.Find("v1-periodic")!]);
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
        });

        new ReportWriter(console, plain: true).Write(report);

        var text = output.ToString();
        Assert.Contains("v1-periodic", text);
        Assert.Contains("FAIL", text);
        Assert.Contains("Body-Sign does not verify", text);
        Assert.Contains("FAILED: 0/1 scenarios, 0/1 steps passed, 1 failed", text);
    }
}
