using Provisioning.Grains.Instances;

namespace Provisioning.Grains.Usage;

/// <summary>
/// What an instance allows to be metered: how it is paid for, its product (the old usage push names it), and the periods
/// in which it was active. Usage that occurred outside every period (before opening, while frozen, after release) is refused.
/// </summary>
[GenerateSerializer, Immutable, Alias("prov.UsageTerms")]
public sealed record UsageTerms(
    [property: Id(0)] ChargingMode ChargingMode,
    [property: Id(1)] string ProductId,
    [property: Id(2)] IReadOnlyList<ActivePeriod> ActivePeriods)
{
    public bool IsMetered => ChargingMode.IsPayPerUse();

    /// <summary>True when the instance was active at <paramref name="time"/>.</summary>
    public bool WasActiveAt(DateTimeOffset time) => ActivePeriods.Any(p => p.Contains(time));
}

/// <summary>A period in which an instance was active: from <paramref name="From"/> until <paramref name="Until"/> (still active when null).</summary>
[GenerateSerializer, Immutable, Alias("prov.ActivePeriod")]
public sealed record ActivePeriod(
    [property: Id(0)] DateTimeOffset From,
    [property: Id(1)] DateTimeOffset? Until)
{
    public bool Contains(DateTimeOffset time) => time >= From && (Until is not { } until || time < until);
}
