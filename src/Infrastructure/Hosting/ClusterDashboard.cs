using Microsoft.Extensions.Configuration;

namespace Provisioning.Infrastructure.Hosting;

/// <summary>
/// Whether the official Orleans dashboard runs (<c>Console:Dashboard</c>): every silo then profiles each grain call for it,
/// and the gateway serves it under the operator console. Off unless set (the gateway's Development settings set it).
/// </summary>
public static class ClusterDashboard
{
    public const string Setting = "Console:Dashboard";

    public static bool IsOn(IConfiguration configuration) => configuration.GetValue(Setting, false);
}
