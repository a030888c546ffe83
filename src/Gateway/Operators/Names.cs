using Provisioning.Grains.Instances;

namespace Provisioning.Gateway.Operators;

/// <summary>How the console names the domain's values: as the seller API's JSON does, in lower case.</summary>
public static class Names
{
    public static string Of(Traffic traffic) => traffic == Traffic.Test ? "test" : "live";

    public static string Of(InstanceStatus status) => status.ToString().ToLowerInvariant();
}
