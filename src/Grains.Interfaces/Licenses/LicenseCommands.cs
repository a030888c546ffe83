namespace Provisioning.Grains.Licenses;

/// <summary>Issue the License of a paid order; repeats of the order answer the same License.</summary>
[GenerateSerializer, Immutable, Alias("prov.IssueLicense")]
public sealed record IssueLicense(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string CustomerId,
    [property: Id(2)] string ProductId,
    [property: Id(3)] string? SkuCode,
    [property: Id(4)] DateTimeOffset? ExpiresAt,
    [property: Id(5)] int? Quantity);

/// <summary>Move the License's expiry, once per renewal order, and issue it again with the new expiry; a frozen License comes back.</summary>
[GenerateSerializer, Immutable, Alias("prov.RenewLicense")]
public sealed record RenewLicense(
    [property: Id(0)] string OrderId,
    [property: Id(1)] DateTimeOffset ExpiresAt,
    [property: Id(2)] string? ProductId);

/// <summary>The License's period ended: freeze it (a renewal brings it back).</summary>
[GenerateSerializer, Immutable, Alias("prov.ExpireLicense")]
public sealed record ExpireLicense([property: Id(0)] string OrderId);

/// <summary>Revoke the License for good; repeats, and releases of a License never issued, succeed.</summary>
[GenerateSerializer, Immutable, Alias("prov.ReleaseLicense")]
public sealed record ReleaseLicense([property: Id(0)] string? OrderId);
