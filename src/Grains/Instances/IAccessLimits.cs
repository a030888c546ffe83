namespace Provisioning.Grains.Instances;

/// <summary>
/// Port: the limits the marketplace puts on what a buyer is handed (URL and memo lengths, credential sizes), so an
/// instance never holds access that cannot be sent. The marketplace's wire layer owns the numbers.
/// </summary>
public interface IAccessLimits
{
    /// <summary>Every value over its limit, naming the field, its size and the limit; null when all fit.</summary>
    string? Violations(InstanceAccess access);
}
