namespace Provisioning.Grains.Licenses;

/// <summary>
/// A renewal (or a refunded renewal period, <see cref="CancelsRenewal"/>) of an activation code: <see cref="ExpiresAt"/> is the
/// new expiry, set as it is.
/// </summary>
[GenerateSerializer, Immutable, Alias("prov.RenewCode")]
public sealed record RenewCode(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string OrderLineId,
    [property: Id(2)] DateTimeOffset ExpiresAt,
    [property: Id(3)] bool CancelsRenewal,
    [property: Id(4)] string? ProductId);

/// <summary>The release of an activation code; <see cref="OrderId"/> is the unsubscribe order when one caused it.</summary>
[GenerateSerializer, Immutable, Alias("prov.ReleaseCode")]
public sealed record ReleaseCode([property: Id(0)] string? OrderId);

/// <summary>Activation of a code the buyer presented; <see cref="EffectiveAt"/> is when the service starts, if not now.</summary>
[GenerateSerializer, Immutable, Alias("prov.ActivateCode")]
public sealed record ActivateCode([property: Id(0)] DateTimeOffset? EffectiveAt);

/// <summary>The software's use of one code: end users or devices, or an active count (exactly one of the two).</summary>
[GenerateSerializer, Immutable, Alias("prov.ReportCodeUsage")]
public sealed record ReportCodeUsage([property: Id(0)] IReadOnlyList<string> UserIds, [property: Id(1)] int? ActiveCount);
