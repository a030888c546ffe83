using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Provisioning.Grains.Events;

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

    /// <summary>How many changes were made durable; the query model keeps only the row of the highest.</summary>
    [Id(15)] public long Version { get; set; }

    /// <summary>How many events for the seller's application this instance has made; an event's id is derived from its number.</summary>
    [Id(16)] public long EventSequence { get; set; }

    /// <summary>
    /// Events stored with the change that made them and not yet known to be in the outbox: written out with the query-model row
    /// after the state write, and again after a crash in between.
    /// </summary>
    [Id(17)] public List<SellerEvent> Unpublished { get; set; } = [];

    [JsonIgnore] public bool IsOpened => Plan is not null;

    /// <summary>Opened, or accepted for provisioning: anything the marketplace has been given an id for.</summary>
    [JsonIgnore] public bool IsKnown => IsOpened || OrderLineId is not null;

    [JsonIgnore] public bool IsProvisioning => !IsOpened && Status == InstanceStatus.Provisioning;
}
