using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Provisioning.Simulator.Cli;

/// <summary>The options of <c>fake-auth-center</c>: the port, and optionally one tenant with one signed-in admin to start with.</summary>
public sealed class FakeAuthCenterSettings : CommandSettings
{
    /// <summary>The loopback port to listen on.</summary>
    [CommandOption("--port <PORT>")]
    [Description("The loopback port to listen on")]
    [DefaultValue(5095)]
    public int Port { get; init; } = 5095;

    /// <summary>A tenant to register at start.</summary>
    [CommandOption("--tenant <TENANT_ID>")]
    [Description("A tenant to register at start (then --client-id, --client-secret and --redirect-uri are required)")]
    public string? TenantId { get; init; }

    /// <summary>The tenant's registered clientId.</summary>
    [CommandOption("--client-id <CLIENT_ID>")]
    [Description("The tenant's clientId (applicationSync clientId)")]
    public string? ClientId { get; init; }

    /// <summary>The tenant's registered clientSecret, in plaintext.</summary>
    [CommandOption("--client-secret <SECRET>")]
    [Description("The tenant's clientSecret in plaintext (applicationSync clientSecret, decrypted)")]
    public string? ClientSecret { get; init; }

    /// <summary>The tenant's registered callback URLs.</summary>
    [CommandOption("--redirect-uri <URL>")]
    [Description("A registered callback URL of the tenant; repeatable")]
    public string[] RedirectUris { get; init; } = [];

    /// <summary>A user to add to the tenant as an admin and sign in.</summary>
    [CommandOption("--user <USER_NAME>")]
    [Description("A user to add to the tenant (role admin) and sign in")]
    public string? UserName { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        Port is < 0 or > 65535 ? ValidationResult.Error("--port must be a TCP port")
        : TenantId is null && (ClientId ?? ClientSecret ?? UserName) is not null || RedirectUris.Length > 0 && TenantId is null ? ValidationResult.Error("--client-id, --client-secret, --redirect-uri and --user need --tenant")
        : TenantId is not null && (string.IsNullOrEmpty(ClientId) || string.IsNullOrEmpty(ClientSecret) || RedirectUris.Length == 0) ? ValidationResult.Error("--tenant needs --client-id, --client-secret and --redirect-uri")
        : ValidationResult.Success();
}
