using k8s.Models;

namespace Provisioning.Deploy.Tests;

/// <summary>The container port an HTTP probe or Service port points at, by number or by name.</summary>
internal static class Ports
{
    public static int Resolve(V1Container container, IntOrString port) =>
        int.TryParse(port.Value, out var number)
            ? number
            : Assert.Single(container.Ports, p => p.Name == port.Value).ContainerPort;
}
