using System.Collections.Immutable;

namespace Provisioning.Grains.Instances;

/// <summary>
/// Open an instance for a paid (or trial) order. Repeats of the same order return the same instance. With the provisioning hook,
/// <see cref="Budget"/> bounds the wait for the seller's application (null: as long as its request may take).
/// </summary>
[GenerateSerializer, Immutable, Alias("prov.OpenInstance")]
public sealed record OpenInstance(
    [property: Id(0)] string OrderId,
    [property: Id(1)] Buyer Buyer,
    [property: Id(2)] Plan Plan,
    [property: Id(3)] bool Trial,
    [property: Id(4)] DateTimeOffset? ExpiresAt,
    [property: Id(5)] decimal? OrderAmount,
    [property: Id(6)] ImmutableDictionary<string, string> ExtendParams,
    [property: Id(7)] TimeSpan? Budget = null);

/// <summary>Why an instance's expiry moves.</summary>
[GenerateSerializer, Alias("prov.RenewalKind")]
public enum RenewalKind
{
    Renewal = 0,
    TrialToFormal = 1,
    RenewalPeriodCancelled = 2,
    RenewalWithChange = 3,
}

/// <summary>
/// Move an instance's expiry, once per renewal order; renewing a frozen instance unfreezes it.
/// A renewal with a change names its order line, whose new specification is fetched from the marketplace.
/// </summary>
[GenerateSerializer, Immutable, Alias("prov.RenewInstance")]
public sealed record RenewInstance(
    [property: Id(0)] string OrderId,
    [property: Id(1)] DateTimeOffset ExpiresAt,
    [property: Id(2)] RenewalKind Kind,
    [property: Id(3)] string? ProductId,
    [property: Id(4)] string? PeriodType,
    [property: Id(5)] int? PeriodNumber,
    [property: Id(6)] decimal? OrderAmount,
    [property: Id(7)] string? OrderLineId = null);

/// <summary>Suspend use and keep all data (expiry, arrears, violation).</summary>
[GenerateSerializer, Immutable, Alias("prov.FreezeInstance")]
public sealed record FreezeInstance([property: Id(0)] string? OrderId);

/// <summary>Restore use after a freeze.</summary>
[GenerateSerializer, Immutable, Alias("prov.UnfreezeInstance")]
public sealed record UnfreezeInstance([property: Id(0)] string? OrderId);

/// <summary>Delete the instance and its data; repeats succeed.</summary>
[GenerateSerializer, Immutable, Alias("prov.ReleaseInstance")]
public sealed record ReleaseInstance(
    [property: Id(0)] string? OrderId,
    [property: Id(1)] decimal? OrderAmount);

/// <summary>Change the specification or linear quantities, once per upgrade order.</summary>
[GenerateSerializer, Immutable, Alias("prov.UpgradeInstance")]
public sealed record UpgradeInstance(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string ProductId,
    [property: Id(2)] string? SkuCode,
    [property: Id(3)] Quantities Quantities);

/// <summary>
/// Open an instance for a marketplace order line whose details must first be fetched (V2). Repeats of the
/// same line return the same instance; the work goes on in the background when it outlasts the caller's budget.
/// </summary>
[GenerateSerializer, Immutable, Alias("prov.ProvisionInstance")]
public sealed record ProvisionInstance(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string OrderLineId,
    [property: Id(2)] TimeSpan Budget);

/// <summary>Apply the specification an order line bought (V2 upgrade): fetched from the marketplace, once per order.</summary>
[GenerateSerializer, Immutable, Alias("prov.ChangePlan")]
public sealed record ChangePlan(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string OrderLineId);

/// <summary>Ask whether the instance may move to another specification at renewal (V2 changeInstanceCheck).</summary>
[GenerateSerializer, Immutable, Alias("prov.CheckPlanChange")]
public sealed record CheckPlanChange(
    [property: Id(0)] string ProductId,
    [property: Id(1)] string SkuCode,
    [property: Id(2)] long? LinearValue);
