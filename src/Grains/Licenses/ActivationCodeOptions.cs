using System.ComponentModel.DataAnnotations;

namespace Provisioning.Grains.Licenses;

/// <summary>How the seller's software is licensed on activation codes (configuration section <c>ActivationCodes</c>).</summary>
public sealed class ActivationCodeOptions
{
    public const string SectionName = "ActivationCodes";

    /// <summary>
    /// How long after the marketplace last confirmed a code the software may still run while the marketplace cannot be reached
    /// (license spec §8 #6); never beyond the code's expiry, and at most the 15-day freeze period.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "15.00:00:00", ErrorMessage = "ActivationCodes:OfflineGrace must be between 0 and 15 days (the marketplace's freeze period)")]
    public TimeSpan OfflineGrace { get; set; } = TimeSpan.FromDays(7);
}
