namespace Provisioning.Deploy.Tests;

/// <summary>The gateways are cluster clients behind one Service.</summary>
public sealed class GatewayTests
{
    [Theory]
    [MemberData(nameof(Overlay.All), MemberType = typeof(Overlay))]
    public void Gateways_run_as_clients_of_the_silos_with_the_marketplace_keys(string name)
    {
        var overlay = Overlay.Named(name);
        var env = ContainerEnvironment.Of(overlay.Container("gateway"), overlay);

        Assert.Equal("client", env.LiteralOf("Orleans__Mode"));
        Assert.Equal("Production", env.LiteralOf("ASPNETCORE_ENVIRONMENT"));
        // Production refuses to start without these three, so they are not optional references.
        foreach (var key in new[] { "KooGallery__Key", "KooGallery__AccessKey", "KooGallery__KitAccessKey", "ConnectionStrings__Provisioning" })
        {
            Assert.Equal(new EnvSource.SecretKey("provisioning-secrets", key), env[key]);
            var reference = Assert.Single(overlay.Container("gateway").Env, e => e.Name == key).ValueFrom.SecretKeyRef;
            Assert.NotEqual(true, reference.Optional);
        }
    }

    [Theory]
    [MemberData(nameof(Overlay.All), MemberType = typeof(Overlay))]
    public void The_Service_sends_port_80_to_the_gateways_HTTP_port(string name)
    {
        var overlay = Overlay.Named(name);
        var service = Assert.Single(overlay.OfType<k8s.Models.V1Service>());
        var gateway = overlay.Deployment("gateway");
        var container = overlay.Container("gateway");

        var port = Assert.Single(service.Spec.Ports);
        Assert.Equal(80, port.Port);
        Assert.Equal(int.Parse(ContainerEnvironment.Of(container, overlay).LiteralOf("ASPNETCORE_HTTP_PORTS")), Ports.Resolve(container, port.TargetPort));
        Assert.Subset(gateway.Spec.Template.Metadata.Labels.ToHashSet(), service.Spec.Selector.ToHashSet());
        Assert.False(service.Spec.Selector.ToHashSet().IsSubsetOf(overlay.Deployment("silo").Spec.Template.Metadata.Labels), "the Service selects silos too");
    }
}
