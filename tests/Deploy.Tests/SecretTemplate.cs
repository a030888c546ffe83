using k8s.Models;

namespace Provisioning.Deploy.Tests;

/// <summary><c>deploy/k8s/secret-template.yaml</c>: the Secret the operator creates, which no overlay renders.</summary>
internal static class SecretTemplate
{
    public static string Path => System.IO.Path.Combine(Repository.K8s, "secret-template.yaml");

    public static V1Secret Read() => Assert.IsType<V1Secret>(Assert.Single(Manifests.Parse(File.ReadAllText(Path))));
}
