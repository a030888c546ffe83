using System.ComponentModel;
using Provisioning.Simulator.Running;
using Provisioning.Simulator.Scenarios;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Provisioning.Simulator.Cli;

/// <summary>The options of <c>run</c>.</summary>
public sealed class RunSettings : CommandSettings
{
    /// <summary>The gateway's base address.</summary>
    [CommandOption("--gateway <URL>")]
    [Description("The gateway's base address, e.g. http://localhost:5080")]
    [DefaultValue("http://localhost:5080")]
    public string Gateway { get; init; } = "http://localhost:5080";

    /// <summary>The V1 seller Key.</summary>
    [CommandOption("--key <KEY>")]
    [Description("The V1 seller Key (KooGallery__Key)")]
    public string? Key { get; init; }

    /// <summary>The V2 access key.</summary>
    [CommandOption("--access-key <KEY>")]
    [Description("The V2 access key (KooGallery__AccessKey)")]
    public string? AccessKey { get; init; }

    /// <summary>One scenario to play instead of all.</summary>
    [CommandOption("--scenario <NAME>")]
    [Description("Play only this scenario (see 'list'); all scenarios when absent")]
    public string? Scenario { get; init; }

    /// <summary>The production interface path.</summary>
    [CommandOption("--base-path <PATH>")]
    [Description("The production interface path (KooGallery__BasePath)")]
    [DefaultValue(SimulationOptions.DefaultBasePath)]
    public string BasePath { get; init; } = SimulationOptions.DefaultBasePath;

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        string.IsNullOrEmpty(Key) ? ValidationResult.Error("--key is required")
        : string.IsNullOrEmpty(AccessKey) ? ValidationResult.Error("--access-key is required")
        : !Uri.TryCreate(Gateway, UriKind.Absolute, out _) ? ValidationResult.Error($"--gateway {Gateway} is not an absolute URL")
        : Scenario is not null && ScenarioCatalog.Find(Scenario) is null ? ValidationResult.Error($"unknown scenario {Scenario}; see 'list'")
        : ValidationResult.Success();
}
