namespace Provisioning.Grains.Instances;

/// <summary>How the buyer reaches the instance. Credentials are plain here; the edge encrypts them for the wire.</summary>
[GenerateSerializer, Immutable, Alias("prov.InstanceAccess")]
public sealed record InstanceAccess(
    [property: Id(0)] string FrontEndUrl,
    [property: Id(1)] string? AdminUrl,
    [property: Id(2)] string? UserName,
    [property: Id(3)] string? Password,
    [property: Id(4)] string? Memo)
{
    /// <inheritdoc />
    public override string ToString() => $"InstanceAccess {{ FrontEndUrl = {FrontEndUrl}, UserName = {UserName}, Password = *** }}";
}
