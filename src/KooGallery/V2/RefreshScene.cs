namespace Provisioning.KooGallery.V2;

/// <summary>Why a V2 <c>refreshInstance</c> moves the expiry (spec §2.3, field <c>scene</c>).</summary>
public enum RefreshScene
{
    /// <summary><c>TRIAL_TO_FORMAL</c>: the trial was converted to a paid subscription.</summary>
    TrialToFormal,

    /// <summary><c>RENEWAL</c>: the subscription was renewed.</summary>
    Renewal,

    /// <summary><c>UNSUBSCRIBE_RENEWAL_PERIOD</c>: a renewal period was cancelled; the expiry moves back.</summary>
    UnsubscribeRenewalPeriod,

    /// <summary><c>RENEWAL_CHANGE</c>: a renewal combined with a change of specification (query the order for it).</summary>
    RenewalChange,
}

/// <summary>Reading <see cref="RefreshScene"/> from a request.</summary>
public static class RefreshScenes
{
    public static RefreshScene Read(FieldReader f, string name) =>
        f.Required(name, 64) switch
        {
            "TRIAL_TO_FORMAL" => RefreshScene.TrialToFormal,
            "RENEWAL" => RefreshScene.Renewal,
            "UNSUBSCRIBE_RENEWAL_PERIOD" => RefreshScene.UnsubscribeRenewalPeriod,
            "RENEWAL_CHANGE" => RefreshScene.RenewalChange,
            "" => default,
            var other => f.Fail($"{name} '{other}' is not TRIAL_TO_FORMAL, RENEWAL, UNSUBSCRIBE_RENEWAL_PERIOD or RENEWAL_CHANGE", default(RefreshScene)),
        };
}
