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

    [JsonIgnore] public bool IsOpened => Plan is not null;
}
