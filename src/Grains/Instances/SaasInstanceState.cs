using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Provisioning.Grains.Instances;

/// <summary>The durable state of one SaaS instance (stored as JSON; rename members only with a data migration).</summary>
[GenerateSerializer, Alias("prov.SaasInstanceState")]
public sealed class SaasInstanceState
{
    [Id(0)] public InstanceStatus Status { get; set; }
    [Id(1)] public string OrderId { get; set; } = "";
    [Id(2)] public Buyer? Buyer { get; set; }
    [Id(3)] public Plan? Plan { get; set; }
    [Id(4)] public bool Trial { get; set; }
    [Id(5)] public DateTimeOffset? ExpiresAt { get; set; }
    [Id(6)] public decimal? OrderAmount { get; set; }
    [Id(7)] public ImmutableDictionary<string, string> ExtendParams { get; set; } = ImmutableDictionary<string, string>.Empty;
    [Id(8)] public InstanceAccess? Access { get; set; }
    [Id(9)] public DateTimeOffset OpenedAt { get; set; }

    /// <summary>Renewal and upgrade orders already applied, so each applies once.</summary>
    [Id(10)] public HashSet<string> AppliedOrders { get; set; } = [];

    [Id(11)] public List<InstanceTransition> History { get; set; } = [];

    /// <summary>The V2 order line the instance was provisioned for; null for V1 instances.</summary>
    [Id(12)] public string? OrderLineId { get; set; }

    /// <summary>Pay-per-use: set when another line of the same order already holds this product's instance.</summary>
    [Id(13)] public string? DuplicateOf { get; set; }

    /// <summary>Why the last provisioning attempt failed, for operators; cleared once the instance opens.</summary>
    [Id(14)] public string? LastProvisioningError { get; set; }

    [JsonIgnore] public bool IsOpened => Plan is not null;

    /// <summary>Opened, or accepted for provisioning: anything the marketplace has been given an id for.</summary>
    [JsonIgnore] public bool IsKnown => IsOpened || OrderLineId is not null;

    [JsonIgnore] public bool IsProvisioning => !IsOpened && Status == InstanceStatus.Provisioning;
}
