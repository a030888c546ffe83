namespace Provisioning.KooGallery.Tests;

/// <summary>The made-up values shared by the spec's worked examples.</summary>
internal static class SpecExample
{
    public const string Key = "MyAccessKey-1234567890";
}
