namespace Provisioning.Gateway.SellerApi;

/// <summary>Credentials of the seller-facing API (configuration section <c>SellerApi</c>), sent in the <c>X-Api-Key</c> header.</summary>
public sealed class SellerApiOptions
{
    public const string SectionName = "SellerApi";

    /// <summary>Reads tenants, users and departments. Without it the API refuses every call.</summary>
    public string? Key { get; set; }

    /// <summary>Reports usage (<c>POST /api/usage</c>); give it to the application that meters pay-per-use instances.</summary>
    public string? UsageKey { get; set; }

    /// <summary>
    /// Activates activation codes and asks whether they may run (<c>/api/licenses/…</c>); give it to the seller's licensed software
    /// (or the seller's licensing service it calls), which then needs no other key.
    /// </summary>
    public string? LicenseKey { get; set; }

    /// <summary>Everything the other keys can do, plus the usage operator endpoints; also reads decrypted app client secrets (<c>?includeSecrets=true</c>).</summary>
    public string? AdminKey { get; set; }
}
