namespace Provisioning.KooGallery.OpenApi;

/// <summary>The <c>chargingMode</c> of an order line (license §D.1, saas §2.9).</summary>
public enum OrderChargingMode
{
    /// <summary><c>ON_DEMAND</c>: pay per use.</summary>
    OnDemand,

    /// <summary><c>ONE_TIME</c>: paid once.</summary>
    OneTime,

    /// <summary><c>PERIOD</c>: yearly, monthly or daily subscription.</summary>
    Period,

    /// <summary><c>ON_DEMAND_PKG</c>: a prepaid on-demand package.</summary>
    OnDemandPackage,

    /// <summary>A value this version does not know, or none.</summary>
    Unknown,
}

/// <summary>Reading <see cref="OrderChargingMode"/> from its wire text.</summary>
internal static class OrderChargingModes
{
    public static OrderChargingMode Parse(string? wire) => wire?.ToUpperInvariant() switch
    {
        "ON_DEMAND" => OrderChargingMode.OnDemand,
        "ONE_TIME" => OrderChargingMode.OneTime,
        "PERIOD" => OrderChargingMode.Period,
        "ON_DEMAND_PKG" => OrderChargingMode.OnDemandPackage,
        _ => OrderChargingMode.Unknown,
    };
}
