using k8s.Models;

namespace Provisioning.Deploy.Tests;

/// <summary>Both hosts are probed on the paths they answer, on the port they listen on.</summary>
public sealed class ProbeTests
{
    [Theory]
    [MemberData(nameof(Overlay.Hosts), MemberType = typeof(Overlay))]
    public void Readiness_asks_ready_and_liveness_and_startup_ask_live_on_the_HTTP_port(string overlayName, string component)
    {
        var overlay = Overlay.Named(overlayName);
        var container = overlay.Container(component);
        var httpPort = int.Parse(ContainerEnvironment.Of(container, overlay).LiteralOf("ASPNETCORE_HTTP_PORTS"));

        AssertProbe(container, container.ReadinessProbe, "/health/ready", httpPort);
        // Liveness never asks the database: an outage must take pods out of traffic, not restart them all.
        AssertProbe(container, container.LivenessProbe, "/health/live", httpPort);
        AssertProbe(container, container.StartupProbe, "/health/live", httpPort);
        Assert.True(container.LivenessProbe.FailureThreshold >= 3, "one slow answer must not restart the container");
    }

    private static void AssertProbe(V1Container container, V1Probe? probe, string path, int port)
    {
        Assert.NotNull(probe);
        Assert.Equal(path, probe.HttpGet.Path);
        Assert.Equal(port, Ports.Resolve(container, probe.HttpGet.Port));
        // The readiness check gives the database 2 s: a shorter probe timeout would fail a database that answers.
        Assert.True(probe.TimeoutSeconds >= 2, $"{path} probe times out in under 2 s");
    }
}
