using Provisioning.Grains.Events;

namespace Provisioning.Grains.Tenants;

/// <summary>The durable state of one tenant: small by design, since users and departments live in the directory.</summary>
[GenerateSerializer, Alias("prov.TenantState")]
public sealed class TenantState
{
    [Id(0)] public string? TenantCode { get; set; }
    [Id(1)] public string? Name { get; set; }
    [Id(2)] public string? DomainName { get; set; }

    /// <summary>Instances the tenant is bound to; "" stands for the seller's own credential application (no instance).</summary>
    [Id(3)] public HashSet<string> Links { get; set; } = [];

    [Id(4)] public Dictionary<string, TenantApplication> Applications { get; set; } = [];

    /// <summary>True once any sync named the tenant.</summary>
    [Id(5)] public bool Known { get; set; }

    /// <summary>Events of profile and application changes written with them but not yet handed to the outbox.</summary>
    [Id(6)] public List<SellerEvent> Unpublished { get; set; } = [];
}
