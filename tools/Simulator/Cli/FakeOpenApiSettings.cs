using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Provisioning.Simulator.Cli;

/// <summary>The options of <c>fake-openapi</c>.</summary>
public sealed class FakeOpenApiSettings : CommandSettings
{
    /// <summary>The loopback port to listen on.</summary>
    [CommandOption("--port <PORT>")]
    [Description("The loopback port to listen on")]
    [DefaultValue(5090)]
    public int Port { get; init; } = 5090;

    /// <summary>The AK order queries must be signed with.</summary>
    [CommandOption("--ak <AK>")]
    [Description("The AK order queries must be signed with (the gateway's KooGallery__OpenApi__AccessKeyId)")]
    public string? AccessKeyId { get; init; }

    /// <summary>The SK order queries must be signed with.</summary>
    [CommandOption("--sk <SK>")]
    [Description("The SK order queries must be signed with (the gateway's KooGallery__OpenApi__SecretAccessKey)")]
    public string? SecretAccessKey { get; init; }

    /// <summary>The basic access key usage pushes must be signed with.</summary>
    [CommandOption("--access-key <KEY>")]
    [Description("The V2 basic access key usage pushes must be signed with (the gateway's KooGallery__AccessKey)")]
    public string? AccessKey { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        string.IsNullOrEmpty(AccessKeyId) ? ValidationResult.Error("--ak is required")
        : string.IsNullOrEmpty(SecretAccessKey) ? ValidationResult.Error("--sk is required")
        : string.IsNullOrEmpty(AccessKey) ? ValidationResult.Error("--access-key is required")
        : Port is < 0 or > 65535 ? ValidationResult.Error("--port must be a TCP port")
        : ValidationResult.Success();
}
