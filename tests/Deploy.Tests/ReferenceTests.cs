using k8s.Models;

namespace Provisioning.Deploy.Tests;

/// <summary>Every name an object uses to point at another resolves to an object of the overlay or to the documented Secret.</summary>
public sealed class ReferenceTests
{
    [Theory]
    [MemberData(nameof(Overlay.All), MemberType = typeof(Overlay))]
    public void Every_ConfigMap_and_Secret_reference_resolves(string name)
    {
        var overlay = Overlay.Named(name);
        var secret = SecretTemplate.Read();
        var secretKeys = secret.StringData.Keys.ToHashSet(StringComparer.Ordinal);
        var references = 0;

        foreach (var (owner, template) in overlay.PodTemplates())
        {
            foreach (var container in template.Spec.Containers)
            {
                foreach (var from in container.EnvFrom ?? [])
                {
                    references++;
                    if (from.ConfigMapRef is { } map) Assert.True(overlay.ConfigMap(map.Name) is not null, $"{owner}: no ConfigMap {map.Name}");
                    if (from.SecretRef is { } s) Assert.Equal(secret.Metadata.Name, s.Name);
                }

                foreach (var variable in container.Env ?? [])
                {
                    if (variable.ValueFrom?.ConfigMapKeyRef is { } mapKey)
                    {
                        references++;
                        var map = overlay.ConfigMap(mapKey.Name);
                        Assert.True(map?.Data?.ContainsKey(mapKey.Key) == true, $"{owner}: {variable.Name} names {mapKey.Name}/{mapKey.Key}, which the overlay lacks");
                    }

                    if (variable.ValueFrom?.SecretKeyRef is { } secretKey)
                    {
                        references++;
                        Assert.Equal(secret.Metadata.Name, secretKey.Name);
                        Assert.Contains(secretKey.Key, secretKeys);
                    }
                }
            }

            foreach (var volume in template.Spec.Volumes ?? [])
            {
                if (volume.ConfigMap is { } map) Assert.True(overlay.ConfigMap(map.Name) is not null, $"{owner}: no ConfigMap {map.Name}");
                if (volume.Secret is { } s) Assert.Equal(secret.Metadata.Name, s.SecretName);
            }
        }

        Assert.True(references > 0, "no reference was checked");
    }

    [Theory]
    [MemberData(nameof(Overlay.All), MemberType = typeof(Overlay))]
    public void Every_Deployment_selects_its_own_pods_and_no_other(string name)
    {
        var overlay = Overlay.Named(name);

        foreach (var deployment in overlay.OfType<V1Deployment>())
        {
            var selected = overlay.OfType<V1Deployment>().Where(d => Selects(deployment.Spec.Selector, d.Spec.Template.Metadata.Labels));
            Assert.Equal([deployment.Metadata.Name], selected.Select(d => d.Metadata.Name));
        }
    }

    [Theory]
    [MemberData(nameof(Overlay.All), MemberType = typeof(Overlay))]
    public void Every_disruption_budget_and_autoscaler_targets_one_Deployment_of_the_overlay(string name)
    {
        var overlay = Overlay.Named(name);
        var deployments = overlay.OfType<V1Deployment>().ToList();

        foreach (var budget in overlay.OfType<V1PodDisruptionBudget>())
        {
            Assert.Single(deployments, d => Selects(budget.Spec.Selector, d.Spec.Template.Metadata.Labels));
        }

        foreach (var hpa in overlay.OfType<V2HorizontalPodAutoscaler>())
        {
            Assert.Equal(("apps/v1", "Deployment"), (hpa.Spec.ScaleTargetRef.ApiVersion, hpa.Spec.ScaleTargetRef.Kind));
            Assert.Single(deployments, d => d.Metadata.Name == hpa.Spec.ScaleTargetRef.Name);
        }

        Assert.Equal(["gateway", "silo"], overlay.OfType<V1PodDisruptionBudget>().Select(Component).Order());
        Assert.Equal(["gateway", "silo"], overlay.OfType<V2HorizontalPodAutoscaler>().Select(h => Component(deployments.Single(d => d.Metadata.Name == h.Spec.ScaleTargetRef.Name))).Order());
    }

    private static string Component(V1PodDisruptionBudget budget) => budget.Spec.Selector.MatchLabels["app.kubernetes.io/component"];

    private static string Component(V1Deployment deployment) => deployment.Metadata.Labels["app.kubernetes.io/component"];

    // Our selectors use matchLabels only; an expression would need its own reading.
    private static bool Selects(V1LabelSelector selector, IDictionary<string, string> labels)
    {
        Assert.Null(selector.MatchExpressions);
        Assert.NotEmpty(selector.MatchLabels);
        return selector.MatchLabels.All(l => labels.TryGetValue(l.Key, out var value) && value == l.Value);
    }
}
