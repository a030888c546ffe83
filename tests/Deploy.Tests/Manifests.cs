using k8s;
using k8s.Models;

namespace Provisioning.Deploy.Tests;

/// <summary>
/// Kubernetes YAML read into the client library's models, which are generated from the Kubernetes OpenAPI schema. Strict
/// reading refuses a field the schema does not have (a misspelt name), a value of the wrong type and an unknown
/// apiVersion/kind; what it does not check (required fields, enum values) the property tests assert where it matters.
/// </summary>
internal static class Manifests
{
    public static IReadOnlyList<IKubernetesObject<V1ObjectMeta>> Parse(string yaml) =>
        [.. KubernetesYaml.LoadAllFromString(yaml, strict: true).Select(o => o as IKubernetesObject<V1ObjectMeta>
            ?? throw new InvalidOperationException($"{o.GetType().Name} is not a Kubernetes object"))];
}
