namespace Provisioning.KooGallery.OpenApi.Licenses;

/// <summary>
/// The legacy <c>heartbeatInfo</c> of a query (license §B.6, §8 #16): only for products integrated when it was mandatory;
/// others report use through <see cref="SoftwareUsageClient"/>.
/// </summary>
/// <param name="ThirdPartyAccount">The end user's unique id in the seller's system (≤ 256 characters).</param>
/// <param name="Ip">The client's login IP (≤ 32 characters), or none.</param>
public sealed record HeartbeatInfo(string ThirdPartyAccount, string? Ip = null);

/// <summary>
/// One code's use for the usage statistics (license §B.7): each id becomes an entry <c>{"id":…}</c>, and an active count an
/// entry <c>{"active_num":…}</c> after them, so every entry carries exactly one of the two.
/// </summary>
/// <param name="Code">The activation code.</param>
/// <param name="Ids">End users or devices that used the software (each ≤ 256 characters).</param>
/// <param name="ActiveCount">How many were active, or none.</param>
public sealed record SoftwareUsage(string Code, IReadOnlyList<string> Ids, int? ActiveCount = null);
