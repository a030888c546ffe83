using Microsoft.Extensions.Primitives;

namespace Provisioning.Marketplace.AuthCenter;

/// <summary>
/// A query or form read the way the auth center must: a parameter given twice is refused (RFC 6749 §3.1, §3.2), so the checks
/// and the code that acts see the same single value.
/// </summary>
internal sealed class SingleParameters
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    private SingleParameters(IEnumerable<KeyValuePair<string, StringValues>> source)
    {
        foreach (var (name, values) in source)
        {
            if (values.Count != 1) Duplicated ??= name;
            else _values[name] = values[0] ?? "";
        }
    }

    /// <summary>The first parameter given more than once, or null.</summary>
    public string? Duplicated { get; }

    /// <summary>The parameter's value; null when absent or empty.</summary>
    public string? this[string name] => _values.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public static SingleParameters Of(IEnumerable<KeyValuePair<string, StringValues>> source) => new(source);
}
