namespace Provisioning.Grains.Licenses;

/// <summary>How an online License application was answered.</summary>
[GenerateSerializer, Alias("prov.OnlineLicenseOutcome")]
public enum OnlineLicenseOutcome
{
    /// <summary>Stored: the License is issued and uploaded in the background (also the answer to every repeat).</summary>
    Accepted = 0,

    /// <summary>The instance is unknown, or released.</summary>
    InstanceNotFound = 1,

    /// <summary>The instance is still being provisioned: the marketplace may ask again.</summary>
    InstanceNotReady = 2,

    /// <summary>Every License the instance's quantity allows is bound to another device.</summary>
    QuotaInsufficient = 3,

    /// <summary>The requested period lies outside the instance's validity, or the instance is frozen.</summary>
    OutsideValidity = 4,

    /// <summary>A period instance's License needs an expiry.</summary>
    ExpiryRequired = 5,

    /// <summary>Licenses are bound to a device, and the application names none.</summary>
    FingerprintRequired = 6,

    /// <summary>The event id already names an application for another device.</summary>
    EventConflict = 7,
}

/// <summary>The answer to an online License application, with a message naming what decided it.</summary>
[GenerateSerializer, Immutable, Alias("prov.OnlineLicenseReply")]
public sealed record OnlineLicenseReply([property: Id(0)] OnlineLicenseOutcome Outcome, [property: Id(1)] string Message);
