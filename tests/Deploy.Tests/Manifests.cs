using k8s;

namespace Provisioning.Deploy.Tests;

/// <summary>
/// Kubernetes YAML read into the client library's models, which are generated from the Kubernetes OpenAPI schema. Strict
/// reading refuses a field the schema does not have (a misspelt name), a value of the wrong type and an unknown
/// apiVersion/kind; what it does not check (required fields, enum values) the property tests assert where it matters.
/// </summary>
internal static class Manifests
{
    public static IReadOnlyList<IKubernetesObject> Parse(string yaml) =>
        [.. KubernetesYaml.LoadAllFromString(yaml, strict: true).Select(o => o as IKubernetesObject
            ?? throw new InvalidOperationException($"{o.GetType().Name} is not a Kubernetes object"))];
}
