using k8s.Models;

namespace Provisioning.Deploy.Tests;

/// <summary>What every pod of every overlay must get right: shutdown, rollout, resources and confinement.</summary>
public sealed class PodTemplateTests
{
    // Headroom past the host's shutdown timeout for the process to exit and flush its last logs and telemetry.
    private static readonly TimeSpan ExitHeadroom = TimeSpan.FromSeconds(10);

    [Theory]
    [MemberData(nameof(Overlay.Hosts), MemberType = typeof(Overlay))]
    public void The_grace_period_outlasts_the_preStop_pause_and_the_hosts_shutdown_timeout(string overlayName, string component)
    {
        var overlay = Overlay.Named(overlayName);
        var pod = overlay.Deployment(component).Spec.Template.Spec;
        var container = overlay.Container(component);

        var shutdown = TimeSpan.Parse(ContainerEnvironment.Of(container, overlay).LiteralOf("HostOptions__ShutdownTimeout"), System.Globalization.CultureInfo.InvariantCulture);
        var preStop = TimeSpan.FromSeconds(container.Lifecycle?.PreStop?.Sleep?.Seconds ?? 0);
        var grace = TimeSpan.FromSeconds(Assert.IsType<long>(pod.TerminationGracePeriodSeconds));

        Assert.True(shutdown > TimeSpan.Zero);
        Assert.True(grace >= preStop + shutdown + ExitHeadroom, $"grace {grace} < preStop {preStop} + shutdown {shutdown} + {ExitHeadroom}");
    }

    [Theory]
    [MemberData(nameof(Overlay.Hosts), MemberType = typeof(Overlay))]
    public void A_rollout_adds_one_pod_before_it_removes_one(string overlayName, string component)
    {
        var strategy = Overlay.Named(overlayName).Deployment(component).Spec.Strategy;

        Assert.Equal("RollingUpdate", strategy.Type);
        Assert.Equal("0", strategy.RollingUpdate.MaxUnavailable.Value);
        Assert.Equal("1", strategy.RollingUpdate.MaxSurge.Value);
    }

    [Theory]
    [MemberData(nameof(Overlay.All), MemberType = typeof(Overlay))]
    public void Every_container_requests_cpu_and_memory_and_limits_memory_but_not_cpu(string name)
    {
        foreach (var (owner, template) in Overlay.Named(name).PodTemplates())
        {
            foreach (var container in template.Spec.Containers)
            {
                var resources = container.Resources;
                Assert.True(resources?.Requests?.ContainsKey("cpu") == true, $"{owner}: no cpu request");
                Assert.True(resources.Requests.ContainsKey("memory"), $"{owner}: no memory request");
                Assert.True(resources.Limits?.ContainsKey("memory") == true, $"{owner}: no memory limit");
                Assert.False(resources.Limits.ContainsKey("cpu"), $"{owner}: a cpu limit throttles the probes and the failure detector");
                Assert.True(resources.Limits["memory"].ToDecimal() >= resources.Requests["memory"].ToDecimal(), $"{owner}: memory limit under its request");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlay.All), MemberType = typeof(Overlay))]
    public void Every_container_runs_as_non_root_on_a_read_only_root_with_a_writable_tmp(string name)
    {
        foreach (var (owner, template) in Overlay.Named(name).PodTemplates())
        {
            var pod = template.Spec;
            Assert.True(pod.SecurityContext?.RunAsNonRoot == true, $"{owner}: may run as root");
            Assert.NotEqual(0L, pod.SecurityContext.RunAsUser);
            Assert.False(pod.AutomountServiceAccountToken ?? true, $"{owner}: mounts an API token it never uses");
            foreach (var container in pod.Containers)
            {
                var security = container.SecurityContext;
                Assert.True(security?.ReadOnlyRootFilesystem == true, $"{owner}: writable root filesystem");
                Assert.False(security.AllowPrivilegeEscalation ?? true, $"{owner}: may escalate privileges");
                Assert.Equal(["ALL"], security.Capabilities?.Drop ?? []);
                Assert.Null(security.Capabilities?.Add);

                var tmp = Assert.Single(container.VolumeMounts, m => m.MountPath == "/tmp");
                Assert.NotNull(Assert.Single(pod.Volumes, v => v.Name == tmp.Name).EmptyDir);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlay.All), MemberType = typeof(Overlay))]
    public void Deployments_scaled_by_an_autoscaler_leave_their_replicas_to_it(string name)
    {
        var overlay = Overlay.Named(name);

        // A replicas field would reset the autoscaler's count on every apply.
        foreach (var hpa in overlay.OfType<V2HorizontalPodAutoscaler>())
        {
            Assert.Null(Assert.Single(overlay.OfType<V1Deployment>(), d => d.Metadata.Name == hpa.Spec.ScaleTargetRef.Name).Spec.Replicas);
        }
    }
}
