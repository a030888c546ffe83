namespace Provisioning.Deploy.Tests;

/// <summary>The silo Deployment gives each silo the identity and endpoints the cluster needs.</summary>
public sealed class SiloTests
{
    [Theory]
    [MemberData(nameof(Overlay.All), MemberType = typeof(Overlay))]
    public void Each_silo_is_named_after_its_pod_and_advertises_the_pod_IP(string name)
    {
        var overlay = Overlay.Named(name);
        var env = ContainerEnvironment.Of(overlay.Container("silo"), overlay);

        Assert.Equal(new EnvSource.Field("metadata.name"), env["Orleans__SiloName"]);
        Assert.Equal(new EnvSource.Field("status.podIP"), env["Orleans__Endpoints__AdvertisedIPAddress"]);
        Assert.Equal(new EnvSource.Field("metadata.namespace"), env["POD_NAMESPACE"]);
    }

    [Theory]
    [MemberData(nameof(Overlay.All), MemberType = typeof(Overlay))]
    public void The_silo_exposes_the_ports_it_is_configured_to_listen_on(string name)
    {
        var overlay = Overlay.Named(name);
        var container = overlay.Container("silo");
        var env = ContainerEnvironment.Of(container, overlay);

        int Port(string portName) => Assert.Single(container.Ports, p => p.Name == portName).ContainerPort;
        Assert.Equal(int.Parse(env.LiteralOf("Orleans__Endpoints__SiloPort")), Port("silo"));
        Assert.Equal(int.Parse(env.LiteralOf("Orleans__Endpoints__GatewayPort")), Port("orleans-gateway"));
        Assert.Equal(int.Parse(env.LiteralOf("ASPNETCORE_HTTP_PORTS")), Port("http"));
        Assert.Equal((11111, 30000, 8080), (Port("silo"), Port("orleans-gateway"), Port("http")));
    }

    [Theory]
    [MemberData(nameof(Overlay.All), MemberType = typeof(Overlay))]
    public void Silos_leave_migrating_to_the_Job_and_run_in_Production(string name)
    {
        var overlay = Overlay.Named(name);
        var env = ContainerEnvironment.Of(overlay.Container("silo"), overlay);

        Assert.Equal("false", env.LiteralOf("Database__MigrateOnStart"));
        Assert.Equal("Production", env.LiteralOf("ASPNETCORE_ENVIRONMENT"));
        Assert.Equal(new EnvSource.SecretKey("provisioning-secrets", "ConnectionStrings__Provisioning"), env["ConnectionStrings__Provisioning"]);
    }

    /// <summary>
    /// Gateways find a new silo only when they next re-read the silo list (<c>Orleans:Gateway:GatewayListRefreshPeriod</c>,
    /// 5 s): a rollout that stopped the last old silo a gateway knows before then would leave it with none.
    /// </summary>
    [Theory]
    [MemberData(nameof(Overlay.All), MemberType = typeof(Overlay))]
    public void A_new_silo_counts_as_available_only_after_every_gateway_has_seen_it(string name)
    {
        const int gatewayListRefreshSeconds = 5;

        Assert.True(Overlay.Named(name).Deployment("silo").Spec.MinReadySeconds >= 2 * gatewayListRefreshSeconds);
    }
}
