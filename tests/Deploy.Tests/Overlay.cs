using System.Collections.Concurrent;
using k8s;
using k8s.Models;

namespace Provisioning.Deploy.Tests;

/// <summary>One folder of <c>deploy/k8s/overlays</c>, rendered once and read strictly.</summary>
internal sealed class Overlay
{
    private static readonly ConcurrentDictionary<string, Lazy<Overlay>> Rendered = new(StringComparer.Ordinal);

    private Overlay(string name, IReadOnlyList<IKubernetesObject<V1ObjectMeta>> objects) => (Name, Objects) = (name, objects);

    public string Name { get; }

    public IReadOnlyList<IKubernetesObject<V1ObjectMeta>> Objects { get; }

    /// <summary>The overlay folders, found rather than listed, so a new overlay is checked like the others.</summary>
    public static IEnumerable<string> Names() =>
        Directory.GetDirectories(Path.Combine(Repository.K8s, "overlays")).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    public static TheoryData<string> All() => [.. Names()];

    /// <summary>Each overlay with each host component: the silo and the gateway.</summary>
    public static TheoryData<string, string> Hosts()
    {
        var hosts = new TheoryData<string, string>();
        foreach (var name in Names())
        {
            hosts.Add(name, "silo");
            hosts.Add(name, "gateway");
        }

        return hosts;
    }

    public static Overlay Named(string name) =>
        Rendered.GetOrAdd(name, n => new Lazy<Overlay>(() =>
            new Overlay(n, Manifests.Parse(Kustomize.Render(Path.Combine(Repository.K8s, "overlays", n)))))).Value;

    public IEnumerable<T> OfType<T>() => Objects.OfType<T>();

    public V1Deployment Deployment(string component) =>
        Assert.Single(OfType<V1Deployment>(), d => d.Metadata.Labels["app.kubernetes.io/component"] == component);

    public V1Container Container(string component) => Assert.Single(Deployment(component).Spec.Template.Spec.Containers);

    public V1ConfigMap? ConfigMap(string name) => OfType<V1ConfigMap>().SingleOrDefault(c => c.Metadata.Name == name);

    /// <summary>Every pod template of the overlay: the Deployments' and the Jobs'.</summary>
    public IEnumerable<(string Owner, V1PodTemplateSpec Template)> PodTemplates() =>
        OfType<V1Deployment>().Select(d => ($"Deployment {d.Metadata.Name}", d.Spec.Template))
            .Concat(OfType<V1Job>().Select(j => ($"Job {j.Metadata.Name}", j.Spec.Template)));
}
