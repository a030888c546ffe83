using System.Text.Json.Serialization;

namespace Provisioning.Grains.Licenses;

/// <summary>The durable state of one License (stored as JSON; rename members only with a data migration).</summary>
[GenerateSerializer, Alias("prov.LicenseState")]
public sealed class LicenseState
{
    [Id(0)] public LicenseStatus Status { get; set; }
    [Id(1)] public string OrderId { get; set; } = "";
    [Id(2)] public string CustomerId { get; set; } = "";
    [Id(3)] public string ProductId { get; set; } = "";
    [Id(4)] public string? SkuCode { get; set; }
    [Id(5)] public DateTimeOffset? ExpiresAt { get; set; }
    [Id(6)] public int? Quantity { get; set; }
    [Id(7)] public DateTimeOffset IssuedAt { get; set; }

    /// <summary>The License of the purchase, answered to every repeat of it; null until issued.</summary>
    [Id(8)] public string? FirstLicense { get; set; }

    /// <summary>The License issued last (the purchase's, or the latest renewal's).</summary>
    [Id(9)] public string? CurrentLicense { get; set; }

    /// <summary>Renewal orders already applied, so each applies once.</summary>
    [Id(10)] public HashSet<string> AppliedRenewals { get; set; } = [];

    [JsonIgnore] public bool IsIssued => FirstLicense is not null;
}
