using System.ComponentModel;
using Provisioning.SellerApplication;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Provisioning.Simulator.Cli;

/// <summary>The options of <c>fake-seller-app</c>.</summary>
public sealed class FakeSellerAppSettings : CommandSettings
{
    /// <summary>The loopback port to listen on.</summary>
    [CommandOption("--port <PORT>")]
    [Description("The loopback port to listen on")]
    [DefaultValue(5201)]
    public int Port { get; init; } = 5201;

    /// <summary>The Standard Webhooks secret deliveries must be signed with.</summary>
    [CommandOption("--secret <SECRET>")]
    [Description("The signing secret, whsec_ and Base64 (the gateway's SellerApplication__SigningSecret)")]
    public string? Secret { get; init; }

    /// <summary>Faults to queue before the first delivery.</summary>
    [CommandOption("--fault <SPEC>")]
    [Description("Queue a fault, repeatable: " + FaultSpec.Form + ", e.g. events:error:3:instance.opened")]
    public string[] Faults { get; init; } = [];

    /// <summary>The faults, read.</summary>
    public IEnumerable<FaultSpec> FaultSpecs => Faults.Select(f => FaultSpec.Parse(f, out _)!);

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (string.IsNullOrEmpty(Secret)) return ValidationResult.Error("--secret is required");
        if (new FakeSellerApplicationOptions(Port, Secret).Problem() is { } problem) return ValidationResult.Error(problem);
        foreach (var fault in Faults)
        {
            if (FaultSpec.Parse(fault, out var reason) is null) return ValidationResult.Error(reason!);
        }

        return ValidationResult.Success();
    }
}
