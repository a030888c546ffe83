using Provisioning.KooGallery.Kit;
using Provisioning.Marketplace.Callbacks;
using Provisioning.Marketplace.OpenApi;
using Provisioning.SellerApplication;
using Provisioning.Simulator.Login;
using Provisioning.Simulator.Scenarios;
using Provisioning.Simulator.Seller;

namespace Provisioning.Simulator.Running;

/// <summary>
/// Plays scenarios one after another against the gateway that <paramref name="http"/> reaches. Login scenarios' browsers
/// reach it through <paramref name="browserHandler"/> (one that neither follows redirects nor keeps cookies; a socket
/// handler when null).
/// </summary>
public sealed class SimulationRunner(HttpClient http, SimulationOptions options, HttpMessageHandler? browserHandler = null)
{
    /// <summary>
    /// Plays each scenario and collects its steps; a failed scenario does not stop the next, and one that needs a setting the
    /// run lacks is skipped. <paramref name="progress"/> hears each scenario start and each step.
    /// </summary>
    public async Task<SimulationReport> Run(IEnumerable<IScenario> scenarios, IProgress<RunProgress>? progress = null)
    {
        using var sealer = options.KitPublicKey is { } publicKey ? ClientSecretSealer.FromText(publicKey) : null;
        using var openApiHttp = options.OpenApi is { } openApi ? new HttpClient { BaseAddress = openApi } : null;
        var control = openApiHttp is null ? null : new FakeOpenApiControl(openApiHttp);
        using var sellerAppHttp = options.SellerApp is { } sellerAppUrl ? new HttpClient { BaseAddress = sellerAppUrl } : null;
        var sellerApp = sellerAppHttp is null ? null : new FakeSellerApplicationControl(sellerAppHttp);
        var logsIn = options.AuthCenter is not null && options.LoginReturnUrl is not null;
        using var ownBrowserHandler = logsIn && browserHandler is null ? new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false } : null;
        using var login = logsIn ? new LoginSite(http.BaseAddress!, browserHandler ?? ownBrowserHandler!, options.AuthCenter!, options.LoginReturnUrl!) : null;

        var list = scenarios.ToList();
        var outcomes = new List<ScenarioOutcome>();
        for (var i = 0; i < list.Count; i++)
        {
            var scenario = list[i];
            var number = i + 1;
            progress?.Report(new RunProgress(scenario.Name, number, list.Count, null));
            var play = new ScenarioPlay(
                new V1Marketplace(http, options.Key, options.BasePath),
                new V2Marketplace(http, options.AccessKey, options.BasePath),
                options.Key,
                options.AccessKey)
            {
                KitV1 = new KitMarketplace(http, KitGeneration.V1, options.Key, options.BasePath),
                KitV2 = options.KitAccessKey is { } kitKey ? new KitMarketplace(http, KitGeneration.V2, kitKey, options.BasePath) : null,
                Secrets = sealer,
                Seller = options.SellerApiKey is { } apiKey ? new SellerApiReader(http, apiKey, options.SellerAdminKey) : null,
                Usage = options.SellerUsageKey is { } usageKey ? new UsageReporter(http, usageKey) : null,
                LicenseCodes = options.LicenseAccessKey is { } licenseKey ? new V2Marketplace(http, licenseKey, options.BasePath) : null,
                Licenses = options.SellerLicenseKey is { } sellerLicenseKey ? new LicenseClient(http, sellerLicenseKey) : null,
                OpenApi = control,
                SellerApp = sellerApp,
                Login = login,
                StepRecorded = step => progress?.Report(new RunProgress(scenario.Name, number, list.Count, step.Step)),
            };
            outcomes.Add(await Play(scenario, play));
        }

        return new SimulationReport(outcomes);
    }

    private static async Task<ScenarioOutcome> Play(IScenario scenario, ScenarioPlay play)
    {
        try
        {
            await scenario.Play(play);
        }
        catch (StepFailedException)
        {
            // The failed step is recorded; the rest of the scenario depends on it.
        }
        catch (ScenarioSkippedException skipped)
        {
            return new ScenarioOutcome(scenario.Name, play.Steps, skipped.Message);
        }

        return new ScenarioOutcome(scenario.Name, play.Steps);
    }
}
