namespace Provisioning.Simulator.Scenarios;

/// <summary>A sequence of marketplace calls that together exercise one behaviour of the gateway.</summary>
public interface IScenario
{
    /// <summary>The name used on the command line.</summary>
    string Name { get; }

    /// <summary>One line saying what the scenario plays.</summary>
    string Description { get; }

    /// <summary>Plays every step; a failed step ends the play.</summary>
    Task Play(ScenarioPlay play);
}
