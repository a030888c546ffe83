namespace Provisioning.Simulator.Running;

/// <summary>
/// What the simulated marketplace shares with the seller: the keys, and where the production interface is. The Kit, seller API,
/// open API, seller application and login settings are optional; scenarios that need a missing one are skipped.
/// </summary>
public sealed record SimulationOptions(string Key, string AccessKey, string BasePath = SimulationOptions.DefaultBasePath)
{
    /// <summary>The gateway's default production interface path.</summary>
    public const string DefaultBasePath = "/koogallery";

    /// <summary>The V2 joint-operation Kit access key (<c>KooGallery:KitAccessKey</c>).</summary>
    public string? KitAccessKey { get; init; }

    /// <summary>The key of the License授权码交付接口 type (<c>KooGallery:LicenseAccessKey</c>), which signs the activation code callbacks.</summary>
    public string? LicenseAccessKey { get; init; }

    /// <summary>The seller's RSA public key for Kit client secrets: the Base64 the gateway prints, or PEM.</summary>
    public string? KitPublicKey { get; init; }

    /// <summary>The seller API reader key (<c>SellerApi:Key</c>); without it syncs are not checked through the API.</summary>
    public string? SellerApiKey { get; init; }

    /// <summary>The seller API admin key (<c>SellerApi:AdminKey</c>); with it decrypted client secrets are checked too.</summary>
    public string? SellerAdminKey { get; init; }

    /// <summary>The seller API usage key (<c>SellerApi:UsageKey</c>); without it the usage scenario is skipped.</summary>
    public string? SellerUsageKey { get; init; }

    /// <summary>The License API key (<c>SellerApi:LicenseKey</c>) the seller's software activates and checks codes with.</summary>
    public string? SellerLicenseKey { get; init; }

    /// <summary>The fake KooGallery open API the gateway's <c>KooGallery:OpenApi:BaseUrl</c> points at, for V2 live scenarios.</summary>
    public Uri? OpenApi { get; init; }

    /// <summary>
    /// The fake seller application the gateway's <c>SellerApplication:EventsUrl</c> points at (its base address, where its
    /// <c>/simulator</c> control API is), for the seller event scenarios.
    /// </summary>
    public Uri? SellerApp { get; init; }

    /// <summary>The fake tenant auth center (its base address) the login scenarios register their tenants at.</summary>
    public Uri? AuthCenter { get; init; }

    /// <summary>Where the login scenarios' logins return to: an address at one of the gateway's <c>Login:ApplicationOrigins</c>.</summary>
    public Uri? LoginReturnUrl { get; init; }

    /// <summary>Names only what is safe to print: no key ever reaches a log.</summary>
    public override string ToString() => $"SimulationOptions {{ BasePath = {BasePath}, OpenApi = {OpenApi}, SellerApp = {SellerApp}, AuthCenter = {AuthCenter}, LoginReturnUrl = {LoginReturnUrl} }}";
}
