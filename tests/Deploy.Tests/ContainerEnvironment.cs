using System.Text.RegularExpressions;
using k8s.Models;

namespace Provisioning.Deploy.Tests;

/// <summary>Where a variable's value comes from once the pod starts.</summary>
internal abstract record EnvSource
{
    public sealed record Literal(string Value) : EnvSource;

    public sealed record Field(string Path) : EnvSource;

    public sealed record SecretKey(string Secret, string Key) : EnvSource;

    public sealed record Other(string What) : EnvSource;
}

/// <summary>
/// A container's environment as the kubelet builds it: <c>envFrom</c> ConfigMaps first, then <c>env</c> in order, where
/// <c>$(NAME)</c> refers to a variable defined before it.
/// </summary>
internal static partial class ContainerEnvironment
{
    public static IReadOnlyDictionary<string, EnvSource> Of(V1Container container, Overlay overlay)
    {
        var env = new Dictionary<string, EnvSource>(StringComparer.Ordinal);
        foreach (var from in container.EnvFrom ?? [])
        {
            if (from.ConfigMapRef is { } reference && overlay.ConfigMap(reference.Name) is { } map)
            {
                foreach (var (key, value) in map.Data ?? new Dictionary<string, string>()) env[from.Prefix + key] = new EnvSource.Literal(value);
            }
        }

        foreach (var variable in container.Env ?? [])
        {
            env[variable.Name] = variable switch
            {
                { Value: { } value } => Expand(value, env),
                { ValueFrom.FieldRef: { } field } => new EnvSource.Field(field.FieldPath),
                { ValueFrom.SecretKeyRef: { } secret } => new EnvSource.SecretKey(secret.Name, secret.Key),
                _ => new EnvSource.Other(variable.Name),
            };
        }

        return env;
    }

    public static string LiteralOf(this IReadOnlyDictionary<string, EnvSource> env, string name) =>
        Assert.IsType<EnvSource.Literal>(Assert.Contains(name, env)).Value;

    // A value that is one reference takes that variable's source; otherwise earlier literals are substituted in.
    private static EnvSource Expand(string value, Dictionary<string, EnvSource> env)
    {
        if (Reference().Match(value) is { Success: true } whole && whole.Length == value.Length && env.TryGetValue(whole.Groups[1].Value, out var source))
        {
            return source;
        }

        return new EnvSource.Literal(Reference().Replace(value, m =>
            env.TryGetValue(m.Groups[1].Value, out var s) && s is EnvSource.Literal literal ? literal.Value : m.Value));
    }

    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)")]
    private static partial Regex Reference();
}
