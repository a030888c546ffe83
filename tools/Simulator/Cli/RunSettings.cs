using System.ComponentModel;
using Provisioning.Marketplace.Callbacks;
using Provisioning.SellerApplication;
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
    [Description("The V1 seller Key (KooGallery__Key); also signs Kit V1 syncs")]
    public string? Key { get; init; }

    /// <summary>The V2 access key.</summary>
    [CommandOption("--access-key <KEY>")]
    [Description("The V2 access key (KooGallery__AccessKey); also signs usage pushes to the fake open API")]
    public string? AccessKey { get; init; }

    /// <summary>The V2 Kit access key.</summary>
    [CommandOption("--kit-access-key <KEY>")]
    [Description("The Kit V2 access key (KooGallery__KitAccessKey); Kit V2 scenarios are skipped without it")]
    public string? KitAccessKey { get; init; }

    /// <summary>The License授权码交付接口 access key.</summary>
    [CommandOption("--license-access-key <KEY>")]
    [Description("The activation code callbacks' access key (KooGallery__LicenseAccessKey); the license-codes scenarios are skipped without it")]
    public string? LicenseAccessKey { get; init; }

    /// <summary>The seller's public key for client secrets, or a file holding it.</summary>
    [CommandOption("--kit-public-key <KEY|FILE>")]
    [Description("The public key matching KooGallery__KitPrivateKey: the Base64 the gateway prints, or a PEM/Base64 file; Kit scenarios are skipped without it")]
    public string? KitPublicKey { get; init; }

    /// <summary>The seller API reader key.</summary>
    [CommandOption("--seller-api-key <KEY>")]
    [Description("The seller API key (SellerApi__Key): Kit syncs are then checked through /api/tenants")]
    public string? SellerApiKey { get; init; }

    /// <summary>The seller API admin key.</summary>
    [CommandOption("--seller-admin-key <KEY>")]
    [Description("The seller API admin key (SellerApi__AdminKey): decrypted client secrets are then checked too")]
    public string? SellerAdminKey { get; init; }

    /// <summary>The seller API usage key.</summary>
    [CommandOption("--seller-usage-key <KEY>")]
    [Description("The seller API usage key (SellerApi__UsageKey): the usage scenario reports usage with it")]
    public string? SellerUsageKey { get; init; }

    /// <summary>The License API key.</summary>
    [CommandOption("--seller-license-key <KEY>")]
    [Description("The License API key (SellerApi__LicenseKey): the license-codes scenarios activate and check codes with it")]
    public string? SellerLicenseKey { get; init; }

    /// <summary>A fake open API started separately.</summary>
    [CommandOption("--openapi <URL>")]
    [Description("A fake open API started with 'fake-openapi', e.g. http://127.0.0.1:5090 (the gateway's KooGallery__OpenApi__BaseUrl)")]
    public string? OpenApi { get; init; }

    /// <summary>The port to start a fake open API on, in this process.</summary>
    [CommandOption("--openapi-port <PORT>")]
    [Description("Start a fake open API in this process on this loopback port (needs --openapi-ak and --openapi-sk)")]
    public int? OpenApiPort { get; init; }

    /// <summary>The AK the in-process fake open API expects.</summary>
    [CommandOption("--openapi-ak <AK>")]
    [Description("The AK the in-process fake open API expects (the gateway's KooGallery__OpenApi__AccessKeyId)")]
    public string? OpenApiAccessKeyId { get; init; }

    /// <summary>The SK the in-process fake open API expects.</summary>
    [CommandOption("--openapi-sk <SK>")]
    [Description("The SK the in-process fake open API expects (the gateway's KooGallery__OpenApi__SecretAccessKey)")]
    public string? OpenApiSecretAccessKey { get; init; }

    /// <summary>A fake seller application started separately.</summary>
    [CommandOption("--seller-app <URL>")]
    [Description("A fake seller application started with 'fake-seller-app', e.g. http://127.0.0.1:5201 (the gateway's SellerApplication__EventsUrl is its /events)")]
    public string? SellerApp { get; init; }

    /// <summary>The port to start a fake seller application on, in this process.</summary>
    [CommandOption("--seller-app-port <PORT>")]
    [Description("Start a fake seller application in this process on this loopback port (needs --seller-app-secret); the gateway's SellerApplication__EventsUrl is http://127.0.0.1:<PORT>/events")]
    public int? SellerAppPort { get; init; }

    /// <summary>The signing secret the in-process fake seller application verifies with.</summary>
    [CommandOption("--seller-app-secret <SECRET>")]
    [Description("The secret the in-process fake seller application verifies signatures with: whsec_ and Base64 (the gateway's SellerApplication__SigningSecret)")]
    public string? SellerAppSecret { get; init; }

    /// <summary>A fake tenant auth center started separately.</summary>
    [CommandOption("--auth-center <URL>")]
    [Description("A fake tenant auth center started with 'fake-auth-center', e.g. http://127.0.0.1:5211; the login scenarios are skipped without it")]
    public string? AuthCenter { get; init; }

    /// <summary>Where logins return to.</summary>
    [CommandOption("--login-return-url <URL>")]
    [Description("Where the login scenarios' logins return to, at an origin of the gateway's Login__ApplicationOrigins (nothing need serve it), e.g. http://127.0.0.1:5201/signed-in")]
    public string? LoginReturnUrl { get; init; }

    /// <summary>One scenario to play instead of all.</summary>
    [CommandOption("--scenario <NAME>")]
    [Description("Play only this scenario (see 'list'); all scenarios when absent")]
    public string? Scenario { get; init; }

    /// <summary>The production interface path.</summary>
    [CommandOption("--base-path <PATH>")]
    [Description("The production interface path (KooGallery__BasePath)")]
    [DefaultValue(SimulationOptions.DefaultBasePath)]
    public string BasePath { get; init; } = SimulationOptions.DefaultBasePath;

    /// <summary>The public key's text: read from the file when the option names one.</summary>
    public string? KitPublicKeyText => KitPublicKey is { } value && File.Exists(value) ? File.ReadAllText(value) : KitPublicKey;

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        string.IsNullOrEmpty(Key) ? ValidationResult.Error("--key is required")
        : string.IsNullOrEmpty(AccessKey) ? ValidationResult.Error("--access-key is required")
        : !Uri.TryCreate(Gateway, UriKind.Absolute, out _) ? ValidationResult.Error($"--gateway {Gateway} is not an absolute URL")
        : Scenario is not null && ScenarioCatalog.Find(Scenario) is null ? ValidationResult.Error($"unknown scenario {Scenario}; see 'list'")
        : OpenApi is not null && OpenApiPort is not null ? ValidationResult.Error("give --openapi or --openapi-port, not both")
        : OpenApi is not null && !Uri.TryCreate(OpenApi, UriKind.Absolute, out _) ? ValidationResult.Error($"--openapi {OpenApi} is not an absolute URL")
        : OpenApiPort is < 0 or > 65535 ? ValidationResult.Error("--openapi-port must be a TCP port")
        : OpenApiPort is not null && (string.IsNullOrEmpty(OpenApiAccessKeyId) || string.IsNullOrEmpty(OpenApiSecretAccessKey))
            ? ValidationResult.Error("--openapi-port needs --openapi-ak and --openapi-sk")
        : SellerAppProblem() is { } sellerApp ? ValidationResult.Error(sellerApp)
        : LoginProblem() is { } login ? ValidationResult.Error(login)
        : PublicKeyProblem();

    private string? SellerAppProblem() =>
        SellerApp is not null && SellerAppPort is not null ? "give --seller-app or --seller-app-port, not both"
        : SellerApp is not null && !Uri.TryCreate(SellerApp, UriKind.Absolute, out _) ? $"--seller-app {SellerApp} is not an absolute URL"
        : SellerAppPort is not { } port ? null
        : string.IsNullOrEmpty(SellerAppSecret) ? "--seller-app-port needs --seller-app-secret"
        : new FakeSellerApplicationOptions(port, SellerAppSecret).Problem() is { } problem ? $"--seller-app-port/--seller-app-secret: {problem}"
        : null;

    private string? LoginProblem() =>
        AuthCenter is not null && !Uri.TryCreate(AuthCenter, UriKind.Absolute, out _) ? $"--auth-center {AuthCenter} is not an absolute URL"
        : LoginReturnUrl is not null && !Uri.TryCreate(LoginReturnUrl, UriKind.Absolute, out _) ? $"--login-return-url {LoginReturnUrl} is not an absolute URL"
        : (AuthCenter is null) != (LoginReturnUrl is null) ? "give --auth-center and --login-return-url together"
        : null;

    private ValidationResult PublicKeyProblem()
    {
        if (KitPublicKeyText is not { } text) return ValidationResult.Success();
        try
        {
            using var sealer = ClientSecretSealer.FromText(text);
            return ValidationResult.Success();
        }
        catch (ArgumentException e)
        {
            return ValidationResult.Error($"--kit-public-key: {e.Message}");
        }
    }
}
