using Provisioning.Simulator.Marketplace;
using Provisioning.Simulator.Scenarios;

namespace Provisioning.Simulator.Running;

/// <summary>Plays scenarios one after another against the gateway that <paramref name="http"/> reaches.</summary>
public sealed class SimulationRunner(HttpClient http, SimulationOptions options)
{
    /// <summary>Plays each scenario and collects its steps; a failed scenario does not stop the next.</summary>
    public async Task<SimulationReport> Run(IEnumerable<IScenario> scenarios)
    {
        var outcomes = new List<ScenarioOutcome>();
        foreach (var scenario in scenarios)
        {
            outcomes.Add(await Play(scenario));
        }

        return new SimulationReport(outcomes);
    }

    private async Task<ScenarioOutcome> Play(IScenario scenario)
    {
        var play = new ScenarioPlay(
            new V1Marketplace(http, options.Key, options.BasePath),
            new V2Marketplace(http, options.AccessKey, options.BasePath),
            options.Key,
            options.AccessKey);
        try
        {
            await scenario.Play(play);
        }
        catch (StepFailedException)
        {
            // The failed step is recorded; the rest of the scenario depends on it.
        }

        return new ScenarioOutcome(scenario.Name, play.Steps);
    }
}
