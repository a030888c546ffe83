using Microsoft.AspNetCore.Mvc.RazorPages;
using Provisioning.Grains;
using Provisioning.Grains.CallHistory;
using Provisioning.Grains.Instances;
using Provisioning.Grains.Usage;

namespace Provisioning.Gateway.Operators.Pages;

/// <summary>The cluster at a glance: instances by status and product (live and test apart), the marketplace's calls of the last hour, the event outbox, the metering lag, the silos.</summary>
public sealed class OverviewModel(IGrainFactory grains, TimeProvider clock) : PageModel
{
    public IReadOnlyList<StatusRow> ByStatus { get; private set; } = [];

    public IReadOnlyList<ProductRow> ByProduct { get; private set; } = [];

    public IReadOnlyList<CallCount> CallsLastHour { get; private set; } = [];

    public string Pending { get; private set; } = "";

    public string DeadLetters { get; private set; } = "";

    public OutboxSummary Usage { get; private set; } = new(0, 0, null, 0, 0);

    public IReadOnlyList<(string Silo, string Status)> Silos { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var counts = await grains.GetInstanceCatalog().Count();
        ByStatus = [.. counts.GroupBy(c => (c.Traffic, c.Status)).OrderBy(g => g.Key.Traffic).ThenBy(g => g.Key.Status)
            .Select(g => new StatusRow(Names.Of(g.Key.Traffic), Names.Of(g.Key.Status), g.Sum(c => c.Count)))];
        ByProduct = [.. counts.GroupBy(c => (c.Traffic, c.ProductId)).OrderBy(g => g.Key.Traffic).ThenBy(g => g.Key.ProductId, StringComparer.Ordinal)
            .Select(g => new ProductRow(Names.Of(g.Key.Traffic), g.Key.ProductId ?? "(none)", Of(g, InstanceStatus.Active), Of(g, InstanceStatus.Frozen),
                Of(g, InstanceStatus.Released), Of(g, InstanceStatus.Provisioning)))];

        CallsLastHour = [.. (await grains.GetCallHistory().CountSince(clock.GetUtcNow().AddHours(-1)))
            .OrderBy(c => c.Traffic).ThenBy(c => c.Activity, StringComparer.Ordinal).ThenBy(c => c.ResultCode, StringComparer.Ordinal)];
        var outbox = grains.GetSellerEventOperations();
        Pending = Bounded((await outbox.GetPending(0, OutboxCountLimit + 1)).Count);
        DeadLetters = Bounded((await outbox.GetDeadLetters(0, OutboxCountLimit + 1)).Count);
        Usage = await grains.GetUsagePush().GetSummary();
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        Silos = [.. hosts.OrderBy(h => h.Key.ToString(), StringComparer.Ordinal).Select(h => (h.Key.ToString(), h.Value.ToString()))];
    }

    // The outbox is counted by reading a page of it: past this many, the page says "more than".
    private const int OutboxCountLimit = 1_000;

    private static string Bounded(int count) => count > OutboxCountLimit ? $"more than {OutboxCountLimit:N0}" : count.ToString("N0");

    private static long Of(IEnumerable<InstanceCount> counts, InstanceStatus status) => counts.Where(c => c.Status == status).Sum(c => c.Count);

    public sealed record StatusRow(string Traffic, string Status, long Count);

    public sealed record ProductRow(string Traffic, string Product, long Active, long Frozen, long Released, long Provisioning);
}
