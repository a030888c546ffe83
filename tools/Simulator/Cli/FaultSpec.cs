using System.Globalization;
using Provisioning.SellerApplication;

namespace Provisioning.Simulator.Cli;

/// <summary>
/// A fault for the fake seller application written on the command line: <c>&lt;events|provisioning&gt;:&lt;fault&gt;:&lt;count&gt;[:&lt;type&gt;|*[:&lt;seconds&gt;]]</c>,
/// e.g. <c>events:error:3:instance.opened</c>, <c>events:late:1:*:2.5</c> or <c>provisioning:silent:1</c>.
/// </summary>
public sealed record FaultSpec(bool Provisioning, FaultRule Rule)
{
    /// <summary>The form, for help and errors.</summary>
    public const string Form = "<events|provisioning>:<error|late|drop|silent>:<count>[:<type>|*[:<seconds>]]";

    /// <summary>Reads one spec; null (with the reason) when it is not of the form or its rule cannot be played.</summary>
    public static FaultSpec? Parse(string text, out string? problem)
    {
        var parts = text.Split(':');
        problem = $"--fault {text}: expected {Form}";
        if (parts.Length is < 3 or > 5) return null;
        if (parts[0] is not ("events" or "provisioning")) return null;
        if (!Enum.TryParse<DeliveryFault>(parts[1], ignoreCase: true, out var fault) || !Enum.IsDefined(fault)) return null;
        if (!int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var count)) return null;
        var type = parts.Length > 3 && parts[3] is not ("*" or "") ? parts[3] : null;
        TimeSpan? delay = null;
        if (parts.Length > 4)
        {
            if (!double.TryParse(parts[4], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)) return null;
            delay = TimeSpan.FromSeconds(seconds);
        }

        var rule = new FaultRule(fault, count, type, delay);
        problem = rule.Problem() is { } reason ? $"--fault {text}: {reason}" : null;
        return problem is null ? new FaultSpec(parts[0] == "provisioning", rule) : null;
    }
}
