using k8s.Models;

namespace Provisioning.Deploy.Tests;

/// <summary>The autoscalers' bounds and the disruption budgets fit each overlay's purpose.</summary>
public sealed class ScaleTests
{
    [Theory]
    [InlineData("production", "silo", 3)]
    [InlineData("production", "gateway", 2)]
    [InlineData("dev", "silo", 1)]
    [InlineData("dev", "gateway", 1)]
    public void Each_host_scales_on_cpu_from_its_floor(string overlayName, string component, int floor)
    {
        var hpa = Autoscaler(Overlay.Named(overlayName), component);

        Assert.Equal(floor, hpa.Spec.MinReplicas);
        Assert.True(hpa.Spec.MaxReplicas > floor, $"{component} cannot scale beyond {floor}");
        var metric = Assert.Single(hpa.Spec.Metrics);
        Assert.Equal(("Resource", "cpu", "Utilization"), (metric.Type, metric.Resource.Name, metric.Resource.Target.Type));
    }

    [Theory]
    [MemberData(nameof(Overlay.Hosts), MemberType = typeof(Overlay))]
    public void A_drain_evicts_exactly_one_pod_at_a_time_at_the_autoscalers_floor(string overlayName, string component)
    {
        var overlay = Overlay.Named(overlayName);
        var floor = Autoscaler(overlay, component).Spec.MinReplicas ?? 1;
        var budget = Assert.Single(overlay.OfType<V1PodDisruptionBudget>(), b => b.Spec.Selector.MatchLabels["app.kubernetes.io/component"] == component);

        // Zero would block node drains for good; more than one would take several silos' grains away at once.
        Assert.Equal(1, AllowedDisruptions(budget.Spec, floor));
    }

    private static V2HorizontalPodAutoscaler Autoscaler(Overlay overlay, string component) =>
        Assert.Single(overlay.OfType<V2HorizontalPodAutoscaler>(), h => h.Spec.ScaleTargetRef.Name == overlay.Deployment(component).Metadata.Name);

    // Whole numbers only: a percentage would depend on the rounding of the current scale.
    private static int AllowedDisruptions(V1PodDisruptionBudgetSpec budget, int replicas) =>
        budget.MaxUnavailable is { } maxUnavailable ? int.Parse(maxUnavailable.Value)
        : replicas - int.Parse(Assert.IsType<IntOrString>(budget.MinAvailable).Value);
}
