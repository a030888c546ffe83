using System.Collections.Immutable;
using Provisioning.Grains.Instances;

namespace Provisioning.Grains.Tests.Instances;

/// <summary>Builders for realistic lifecycle commands.</summary>
internal static class Orders
{
    public static OpenInstance Open(string? orderId = null, ChargingMode mode = ChargingMode.Periodic, bool trial = false) => new(
        orderId ?? NewOrderId(),
        new Buyer("68cbc86abc2018ab880d92f36422fa0e", "testName", null, null, "13800000000", "buyer@example.com"),
        new Plan("00301-666666-0--0", "sku-basic", mode, new Quantities(5, null, null), "month", 1),
        trial,
        new DateTimeOffset(2026, 12, 31, 23, 59, 59, TimeSpan.Zero),
        99.5m,
        ImmutableDictionary<string, string>.Empty.Add("emailDomainName", "example.com"));

    public static RenewInstance Renew(string orderId, DateTimeOffset expiresAt, RenewalKind kind = RenewalKind.Renewal) =>
        new(orderId, expiresAt, kind, null, "month", 1, 99.5m);

    public static UpgradeInstance Upgrade(string orderId, string productId = "00301-666666-0--1", int? amount = 10) =>
        new(orderId, productId, "sku-pro", new Quantities(amount, null, null));

    public static string NewOrderId() => "CS" + Guid.NewGuid().ToString("N")[..15].ToUpperInvariant();
}
