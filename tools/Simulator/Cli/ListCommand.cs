using Provisioning.Simulator.Scenarios;
using Spectre.Console.Cli;

namespace Provisioning.Simulator.Cli;

/// <summary><c>list</c>: names and describes every scenario.</summary>
public sealed class ListCommand : Command
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, CancellationToken cancellationToken)
    {
        foreach (var scenario in ScenarioCatalog.All)
        {
            Console.WriteLine($"{scenario.Name,-42} {scenario.Description}");
        }

        return 0;
    }
}
