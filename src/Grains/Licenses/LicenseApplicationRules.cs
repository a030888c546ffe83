using System.Globalization;
using Provisioning.Grains.Instances;

namespace Provisioning.Grains.Licenses;

/// <summary>Whether an instance grants a new online License application, and the terms it grants (license §C.1).</summary>
internal static class LicenseApplicationRules
{
    /// <summary>Why the application is refused, or null when it is granted. Checked in the order of the codes' table.</summary>
    public static OnlineLicenseReply? Refusal(InstanceSnapshot? instance, LicenseApplication application, IEnumerable<OnlineLicense> granted, OnlineLicenseOptions options)
    {
        if (instance is null) return Refuse(OnlineLicenseOutcome.InstanceNotFound, "the instance is not known");
        var id = instance.InstanceId;
        if (instance.Status == InstanceStatus.Released) return Refuse(OnlineLicenseOutcome.InstanceNotFound, $"instance {id} has been released");
        if (instance.Plan is not { } plan) return Refuse(OnlineLicenseOutcome.InstanceNotReady, $"instance {id} is still being provisioned");
        if (plan.ChargingMode == ChargingMode.Periodic && application.ExpiresAt is null)
        {
            return Refuse(OnlineLicenseOutcome.ExpiryRequired, $"instance {id} is a period instance: its License needs an expireTime");
        }

        if (instance.Status == InstanceStatus.Frozen) return Refuse(OnlineLicenseOutcome.OutsideValidity, $"instance {id} is frozen");
        if (application.EffectiveAt < instance.OpenedAt - options.ClockTolerance)
        {
            return Refuse(OnlineLicenseOutcome.OutsideValidity, $"effectiveTime {Text(application.EffectiveAt)} is before instance {id} opened at {Text(instance.OpenedAt)}");
        }

        if (instance.ExpiresAt is { } end && (application.ExpiresAt is not { } until || until > end + options.ClockTolerance))
        {
            var asked = application.ExpiresAt is { } at ? $"expireTime {Text(at)}" : "a License without expireTime";
            return Refuse(OnlineLicenseOutcome.OutsideValidity, $"{asked} is beyond instance {id}'s expiry {Text(end)}");
        }

        if (options.RequireDeviceFingerprint && application.DeviceFingerprint is null)
        {
            return Refuse(OnlineLicenseOutcome.FingerprintRequired, "Licenses of this product are bound to a device: deviceFingerprint is required");
        }

        var devices = granted.Select(l => l.Terms.DeviceFingerprint ?? "").ToHashSet(StringComparer.Ordinal);
        var allowed = plan.Quantities.Amount ?? 1;
        if (!devices.Contains(application.DeviceFingerprint ?? "") && devices.Count >= allowed)
        {
            return Refuse(OnlineLicenseOutcome.QuotaInsufficient, $"instance {id} allows Licenses for {allowed} device(s), and all are bound to other devices");
        }

        return null;
    }

    /// <summary>What the License grants: the instance's product and buyer, the requested period (from its effective time) and device.</summary>
    public static LicenseTerms TermsOf(InstanceSnapshot instance, LicenseApplication application) => new(
        instance.InstanceId,
        instance.Traffic,
        instance.Plan!.ProductId,
        instance.Plan.SkuCode,
        instance.Buyer?.CustomerId ?? "",
        application.EffectiveAt,
        application.ExpiresAt,
        instance.Plan.Quantities.Amount,
        application.DeviceFingerprint,
        application.EventId);

    /// <summary>The answer to an accepted application and to each of its repeats: it depends on the event id alone.</summary>
    public static OnlineLicenseReply Accepted(string eventId) =>
        new(OnlineLicenseOutcome.Accepted, $"the License of event {eventId} is being issued and uploaded");

    private static OnlineLicenseReply Refuse(OnlineLicenseOutcome outcome, string message) => new(outcome, message);

    private static string Text(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'z'", CultureInfo.InvariantCulture);
}
