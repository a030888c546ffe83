using Provisioning.Simulator.Reporting;
using Provisioning.Simulator.Running;
using Provisioning.Simulator.Scenarios;
using Provisioning.Testing;
using Spectre.Console;

namespace Provisioning.Simulator.Tests;

[Collection(GatewayCollection.Name)]
public sealed class PartialSettingsTests(SimulatedMarketplace marketplace)
{
    private static IScenario[] Scenarios(params string[] names) => [.. names.Select(n => ScenarioCatalog.Find(n)!)];

    [Fact]
    public async Task Scenarios_whose_settings_are_missing_are_skipped_by_name_and_do_not_fail_the_run()
    {
        var runner = new SimulationRunner(marketplace.Gateway.CreateClient(), new SimulationOptions(GatewayFactory.Key, GatewayFactory.AccessKey));

        var report = await runner.Run(Scenarios("kit-v2", "v2-live-periodic", "fault-replay"));

        Assert.Equal("needs --kit-access-key", report.Scenarios[0].SkippedBecause);
        Assert.Equal("needs --openapi or --openapi-port", report.Scenarios[1].SkippedBecause);
        Assert.True(report.Scenarios[2].Passed);
        Assert.Equal(0, report.ExitCode);
        var text = Write(report);
        Assert.Contains("kit-v2: skipped, needs --kit-access-key", text);
        Assert.Contains("PASSED: 1/1 scenarios, 2/2 steps passed, 0 failed, 2 skipped", text);
    }

    [Fact]
    public async Task The_activation_code_scenarios_need_the_license_access_key_and_the_license_api_key()
    {
        var runner = new SimulationRunner(marketplace.Gateway.CreateClient(), marketplace.Options with { LicenseAccessKey = null });
        var withoutApiKey = new SimulationRunner(marketplace.Gateway.CreateClient(), marketplace.Options with { SellerLicenseKey = null });

        var report = await runner.Run(Scenarios("license-codes-lifecycle"));
        var second = await withoutApiKey.Run(Scenarios("license-codes-refusals"));

        Assert.Equal("needs --license-access-key", Assert.Single(report.Scenarios).SkippedBecause);
        Assert.Equal("needs --seller-license-key", Assert.Single(second.Scenarios).SkippedBecause);
    }

    [Fact]
    public async Task The_login_scenarios_need_the_fake_auth_center_and_the_return_address()
    {
        var runner = new SimulationRunner(marketplace.Gateway.CreateClient(), marketplace.Options with { AuthCenter = null });

        var report = await runner.Run(Scenarios("login-oauth", "login-cas", "login-refusals", "login-faults"));

        Assert.All(report.Scenarios, s => Assert.Equal("needs --auth-center and --login-return-url", s.SkippedBecause));
    }

    [Fact]
    public async Task A_run_that_skips_everything_fails()
    {
        var runner = new SimulationRunner(marketplace.Gateway.CreateClient(), new SimulationOptions(GatewayFactory.Key, GatewayFactory.AccessKey));

        var report = await runner.Run(Scenarios("kit-v1"));

        Assert.Equal("needs --kit-public-key", Assert.Single(report.Scenarios).SkippedBecause);
        Assert.Equal(1, report.ExitCode);
    }

    [Fact]
    public async Task A_kit_sync_is_checked_through_the_seller_api_and_a_wrong_api_key_fails_the_check()
    {
        var runner = new SimulationRunner(marketplace.Gateway.CreateClient(), marketplace.Options with { SellerApiKey = "not-the-seller-key", SellerAdminKey = null });

        var report = await runner.Run(Scenarios("kit-v1"));

        var failed = report.Steps.Single(s => !s.Passed);
        Assert.Equal("seller API: tenant bound to the instance", failed.Step);
        Assert.Contains("HTTP 401", failed.Failure);
        Assert.Equal("tenantSync add", report.Steps.First().Step);
        Assert.Equal(1, report.ExitCode);
    }

    [Fact]
    public async Task Without_a_seller_api_key_kit_syncs_are_played_without_the_api_checks()
    {
        var runner = new SimulationRunner(marketplace.Gateway.CreateClient(), marketplace.Options with { SellerApiKey = null });

        var report = await runner.Run(Scenarios("kit-v2"));

        Assert.True(report.Passed);
        Assert.DoesNotContain(report.Steps, s => s.Step.StartsWith("seller API", StringComparison.Ordinal));
        Assert.Contains(report.Steps, s => s.Step == "authSync delete 2 users");
    }

    [Fact]
    public async Task Progress_hears_each_scenario_and_each_step()
    {
        var heard = new List<RunProgress>();
        var runner = new SimulationRunner(marketplace.Gateway.CreateClient(), marketplace.Options);

        await runner.Run(Scenarios("fault-replay", "fault-stale"), new Recorder(heard));

        Assert.Equal(
            ["1/2 fault-replay -", "1/2 fault-replay V2 queryInstance", "1/2 fault-replay the same request again", "2/2 fault-stale -", "2/2 fault-stale V2 queryInstance signed 5 minutes ago"],
            heard.Select(p => $"{p.Number}/{p.Count} {p.Scenario} {p.LastStep ?? "-"}"));
    }

    private static string Write(SimulationReport report)
    {
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(output) });
        new ReportWriter(console, plain: true).Write(report);
        return output.ToString();
    }

    private sealed class Recorder(List<RunProgress> heard) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => heard.Add(value);
    }
}
