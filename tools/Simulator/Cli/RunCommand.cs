using Provisioning.Marketplace.OpenApi;
using Provisioning.SellerApplication;
using Provisioning.Simulator.Reporting;
using Provisioning.Simulator.Running;
using Provisioning.Simulator.Scenarios;
using Spectre.Console.Cli;

namespace Provisioning.Simulator.Cli;

/// <summary>
/// <c>run</c>: plays the scenarios against a gateway (starting a fake open API and a fake seller application first when asked)
/// and prints the report; exit code 0 only when every played step passed.
/// </summary>
public sealed class RunCommand : AsyncCommand<RunSettings>
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, RunSettings settings, CancellationToken cancellationToken)
    {
        await using var fake = settings.OpenApiPort is { } port
            ? await FakeOpenApi.StartAsync(new FakeOpenApiOptions(port, settings.OpenApiAccessKeyId!, settings.OpenApiSecretAccessKey!, settings.AccessKey!))
            : null;
        await using var sellerApp = settings.SellerAppPort is { } sellerAppPort
            ? await FakeSellerApplication.StartAsync(new FakeSellerApplicationOptions(sellerAppPort, settings.SellerAppSecret!))
            : null;
        using var http = new HttpClient { BaseAddress = new Uri(settings.Gateway), Timeout = CallTimeout };
        var options = new SimulationOptions(settings.Key!, settings.AccessKey!, settings.BasePath)
        {
            KitAccessKey = settings.KitAccessKey,
            KitPublicKey = settings.KitPublicKeyText,
            LicenseAccessKey = settings.LicenseAccessKey,
            SellerApiKey = settings.SellerApiKey,
            SellerAdminKey = settings.SellerAdminKey,
            SellerUsageKey = settings.SellerUsageKey,
            SellerLicenseKey = settings.SellerLicenseKey,
            OpenApi = fake?.BaseUrl ?? (settings.OpenApi is { } url ? new Uri(url) : null),
            SellerApp = sellerApp?.BaseUrl ?? (settings.SellerApp is { } appUrl ? new Uri(appUrl) : null),
            AuthCenter = settings.AuthCenter is { } authCenter ? new Uri(authCenter) : null,
            LoginReturnUrl = settings.LoginReturnUrl is { } returnUrl ? new Uri(returnUrl) : null,
        };
        IReadOnlyList<IScenario> scenarios = settings.Scenario is { } name ? [ScenarioCatalog.Find(name)!] : ScenarioCatalog.All;
        var runner = new SimulationRunner(http, options);
        var report = Console.IsOutputRedirected ? await runner.Run(scenarios) : await ProgressDisplay.Run(runner, scenarios);
        ReportWriter.ForStandardOutput().Write(report);
        return report.ExitCode;
    }
}
