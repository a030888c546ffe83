using System.Text.Json;

namespace Provisioning.Grains.Instances;

/// <summary>The camel-case spelling of statuses and charging modes that events and the seller API share (<c>active</c>, <c>payPerUse</c>).</summary>
public static class InstanceNames
{
    public static string Of(InstanceStatus status) => JsonNamingPolicy.CamelCase.ConvertName(status.ToString());

    public static string Of(ChargingMode mode) => JsonNamingPolicy.CamelCase.ConvertName(mode.ToString());
}
