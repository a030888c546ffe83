namespace Provisioning.Grains.Instances;

/// <summary>The access issued for an instance, or why none can be (a rendered value over the marketplace's limit).</summary>
public readonly record struct IssuedAccess(InstanceAccess? Access, string? Refusal);
