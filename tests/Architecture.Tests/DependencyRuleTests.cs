namespace Provisioning.Architecture.Tests;

/// <summary>The dependency rule of ARCHITECTURE.md ("The parts"), checked against the project files: arrows only point down.</summary>
public sealed class DependencyRuleTests
{
    private static readonly Dictionary<string, string[]> MayReference = new(StringComparer.Ordinal)
    {
        ["KooGallery"] = [],
        ["Grains.Interfaces"] = [],
        ["Grains"] = ["Grains.Interfaces"],
        ["Infrastructure"] = ["Grains", "Grains.Interfaces", "KooGallery"],
        ["Silo"] = ["Infrastructure"],
        ["Gateway"] = ["Grains.Interfaces", "KooGallery", "Infrastructure"],
    };

    // The domain runs on the Orleans SDK and runtime alone: no driver, no migrations, no exporter, no web framework.
    private static readonly string[] GrainsPackages = ["Microsoft.Orleans.Sdk", "Microsoft.Orleans.Reminders", "Microsoft.Orleans.Server"];

    [Fact]
    public void Every_source_project_references_only_the_projects_the_rule_allows()
    {
        var projects = SourceProject.All();
        Assert.NotEmpty(projects);

        var breaches = projects.SelectMany(p => MayReference.TryGetValue(p.Name, out var allowed)
            ? p.ProjectReferences.Except(allowed).Select(r => $"{p.Name} → {r}")
            : [$"{p.Name} is not in the rule: add it to ARCHITECTURE.md and to this test"]);
        Assert.Empty(breaches);
    }

    [Fact]
    public void Grains_references_only_the_Orleans_SDK_and_runtime()
    {
        var grains = Assert.Single(SourceProject.All(), p => p.Name == "Grains");

        Assert.Empty(grains.Packages.Except(GrainsPackages));
        Assert.Empty(grains.Frameworks);
    }
}
