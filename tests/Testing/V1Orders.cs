namespace Provisioning.Testing;

/// <summary>Realistic V1 parameters, as the marketplace sends them.</summary>
public static class V1Orders
{
    public static string NewOrderId() => "CS" + Guid.NewGuid().ToString("N")[..15].ToUpperInvariant();

    public static (string, string)[] NewInstance(string orderId, string chargingMode = "1", params (string, string)[] extra) =>
    [
        ("businessId", Guid.NewGuid().ToString()),
        ("orderId", orderId),
        ("customerId", "68cbc86abc2018ab880d92f36422fa0e"),
        ("customerName", "testName"),
        ("productId", "00301-666666-0--0"),
        ("skuCode", "c1a2b3c4-d5e6-7890-abcd-ef1234567890"),
        ("chargingMode", chargingMode),
        ("expireTime", "20270131235959"),
        ("periodType", "month"),
        ("periodNumber", "1"),
        ("orderAmount", "99.000"),
        .. extra,
    ];
}
