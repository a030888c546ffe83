namespace Provisioning.KooGallery.OpenApi;

/// <summary>The <c>orderType</c> of a marketplace order (license §D.1, saas §2.9).</summary>
public enum OrderType
{
    /// <summary><c>NEW</c>: a new purchase.</summary>
    New,

    /// <summary><c>TRIAL</c>: a trial; in V2 this is the only place trial status shows.</summary>
    Trial,

    /// <summary><c>TRIAL_TO_FORMAL</c>: a trial converted to a paid subscription.</summary>
    TrialToFormal,

    /// <summary><c>UNSUBSCRIBE</c>: an unsubscription.</summary>
    Unsubscribe,

    /// <summary><c>RENEW</c>: a renewal.</summary>
    Renew,

    /// <summary><c>CHANGE</c>: a change of specification (upgrade, downgrade, scaling).</summary>
    Change,

    /// <summary>A value this version does not know, or none.</summary>
    Unknown,
}

/// <summary>Reading <see cref="OrderType"/> from its wire text.</summary>
internal static class OrderTypes
{
    public static OrderType Parse(string? wire) => wire?.ToUpperInvariant() switch
    {
        "NEW" => OrderType.New,
        "TRIAL" => OrderType.Trial,
        "TRIAL_TO_FORMAL" => OrderType.TrialToFormal,
        "UNSUBSCRIBE" => OrderType.Unsubscribe,
        "RENEW" => OrderType.Renew,
        "CHANGE" => OrderType.Change,
        _ => OrderType.Unknown,
    };
}
