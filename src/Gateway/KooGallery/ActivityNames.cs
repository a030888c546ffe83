using Provisioning.KooGallery;

namespace Provisioning.Gateway.KooGallery;

/// <summary>Activity names as echoed back in messages: an unknown one is cut short, since the caller chose it.</summary>
internal static class ActivityNames
{
    public static string Truncate(string activity) => QuotedText.Shorten(activity, 32);
}
