namespace Provisioning.Grains.Licenses;

/// <summary>The lifecycle of an activation code here: Unknown → Active → Frozen ⇄ Active → Released (terminal).</summary>
[GenerateSerializer, Alias("prov.ActivationCodeStatus")]
public enum ActivationCodeStatus
{
    Unknown = 0,
    Active = 1,
    Frozen = 2,
    Released = 3,
}

/// <summary>The durable state of one activation code (stored as JSON; rename members only with a data migration).</summary>
[GenerateSerializer, Alias("prov.ActivationCodeState")]
public sealed class ActivationCodeState
{
    [Id(0)] public ActivationCodeStatus Status { get; set; }

    /// <summary>The expiry: activation's estimate until a query or a renewal sets it (license spec §8 #17).</summary>
    [Id(1)] public DateTimeOffset? ExpiresAt { get; set; }

    [Id(2)] public DateTimeOffset? ActivatedAt { get; set; }
    [Id(3)] public string? ProductId { get; set; }

    /// <summary>The purchase order, as activation reports it.</summary>
    [Id(4)] public string? OrderId { get; set; }

    [Id(5)] public int? Amount { get; set; }

    /// <summary>When the marketplace last said the code is alive (activation or query): the offline grace runs from here.</summary>
    [Id(6)] public DateTimeOffset? LastGoodCheckAt { get; set; }

    /// <summary>When the marketplace was last asked, answered or not: at most once per UTC day.</summary>
    [Id(7)] public DateTimeOffset? LastQueryAt { get; set; }

    /// <summary>The marketplace's last word on the code (alive, expired, released, not activated, unknown); null before any.</summary>
    [Id(8)] public CodeCheckOutcome? Verdict { get; set; }

    /// <summary>A callback changed what the marketplace would say (a renewal, an unfreeze): ask it again at the next check.</summary>
    [Id(9)] public bool RecheckDue { get; set; }

    /// <summary>A renewal was applied; a freeze that arrives while its expiry still runs is out of date (license spec §8 #12).</summary>
    [Id(10)] public bool Renewed { get; set; }

    /// <summary>Renewal and renewal-cancel orders already applied, so each applies once.</summary>
    [Id(11)] public HashSet<string> AppliedOrders { get; set; } = [];

    /// <summary>The unsubscribe order that released the code, when one did.</summary>
    [Id(12)] public string? ReleaseOrderId { get; set; }
}
