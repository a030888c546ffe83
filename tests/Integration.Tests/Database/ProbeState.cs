namespace Provisioning.Integration.Tests.Database;

[GenerateSerializer, Alias("Provisioning.Integration.Tests.ProbeState")]
public sealed class ProbeState
{
    [Id(0)]
    public string? Note { get; set; }
}
