namespace Provisioning.Marketplace.OpenApi;

/// <summary>
/// An order a scenario registers with the fake open API: what the order query answers for it, and how the query misbehaves.
/// </summary>
/// <param name="ChargingMode">The lines' <c>chargingMode</c>: <c>PERIOD</c>, <c>ON_DEMAND</c> or <c>ONE_TIME</c>.</param>
/// <param name="OrderLineIds">The order's lines; each holds the same product.</param>
/// <param name="ProductId">The product of every line.</param>
/// <param name="SkuCode">The SKU of every line.</param>
/// <param name="LinearValue">The linear quantity of every line.</param>
/// <param name="OrderType">The order's <c>orderType</c>, e.g. <c>NEW</c> or <c>TRIAL</c>.</param>
/// <param name="ExpireTime">The lines' expiry (periodic orders), or none.</param>
/// <param name="FailFirstQueries">How many of the first correctly signed queries answer HTTP 500 <c>MKT.0999</c>, as a busy marketplace does.</param>
/// <param name="QueryDelay">How long every query waits before it is answered.</param>
/// <param name="CustomerId">The buyer's <c>customerId</c>.</param>
public sealed record OrderScript(
    string ChargingMode,
    IReadOnlyList<string> OrderLineIds,
    string ProductId,
    string SkuCode,
    int LinearValue,
    string OrderType = "NEW",
    DateTimeOffset? ExpireTime = null,
    int FailFirstQueries = 0,
    TimeSpan QueryDelay = default,
    string CustomerId = "simulator-customer-0001")
{
    /// <summary>A periodic (包周期) line's <c>chargingMode</c>.</summary>
    public const string Period = "PERIOD";

    /// <summary>A pay-per-use (按需) line's <c>chargingMode</c>.</summary>
    public const string OnDemand = "ON_DEMAND";

    /// <summary>A one-time (一次性) line's <c>chargingMode</c>.</summary>
    public const string OneTime = "ONE_TIME";
}
