namespace Provisioning.KooGallery.OpenApi.Licenses;

/// <summary>
/// What an answer says about one code: activation's <c>license_code_info</c> (whose expiry is an estimate, §8 #17) or a
/// query's <c>data</c> (authoritative). Members the answer leaves out, or whose values cannot be read, are null.
/// </summary>
/// <param name="Status">The code's status.</param>
/// <param name="StatusText">The <c>status</c> as sent, for a value <see cref="LicenseCodeStatus.Unknown"/> stands for.</param>
/// <param name="Code">The query's <c>license_code</c>.</param>
/// <param name="ActivatedAt">The query's <c>activate_time</c>.</param>
/// <param name="ExpiresAt"><c>expire_time</c>, UTC.</param>
/// <param name="ProductId"><c>product_id</c>.</param>
/// <param name="OrderId"><c>order_id</c>.</param>
/// <param name="Amount"><c>amount</c>, the quantity pricing attribute.</param>
public sealed record LicenseCodeInfo(
    LicenseCodeStatus Status,
    string? StatusText,
    string? Code,
    DateTimeOffset? ActivatedAt,
    DateTimeOffset? ExpiresAt,
    string? ProductId,
    string? OrderId,
    int? Amount);

/// <summary>The answer to a single-code activation or query: its envelope, and on success what it says about the code.</summary>
public sealed record LicenseCodeAnswer(LicenseAnswer Answer, LicenseCodeInfo? Info);
