using Provisioning.Grains.Instances;

namespace Provisioning.Grains.Usage;

/// <summary>Reads from an instance's history when it was active, which is when it may accrue usage.</summary>
internal static class UsagePeriods
{
    public static IReadOnlyList<ActivePeriod> Of(IEnumerable<InstanceTransition> history)
    {
        var periods = new List<ActivePeriod>();
        DateTimeOffset? since = null;
        foreach (var transition in history)
        {
            if (transition.To == InstanceStatus.Active)
            {
                since ??= transition.At;
            }
            else if (since is { } from)
            {
                periods.Add(new ActivePeriod(from, transition.At));
                since = null;
            }
        }

        if (since is { } open) periods.Add(new ActivePeriod(open, null));
        return periods;
    }
}
