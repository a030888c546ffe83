namespace Provisioning.Grains.Licenses;

/// <summary>The durable state of one instance's online Licenses (stored as JSON; rename members only with a data migration).</summary>
[GenerateSerializer, Alias("prov.OnlineLicenseState")]
public sealed class OnlineLicenseState
{
    /// <summary>Every accepted application, by event id.</summary>
    [Id(0)] public Dictionary<string, OnlineLicense> Licenses { get; set; } = [];
}
