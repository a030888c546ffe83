using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Provisioning.Grains;
using Provisioning.Grains.CallHistory;
using Provisioning.Grains.Events;
using Provisioning.Grains.Instances;

namespace Provisioning.Gateway.Operators.Pages;

/// <summary>One instance: its state, the marketplace calls that made it, and its events still in the outbox.</summary>
public sealed class InstanceModel(IGrainFactory grains) : PageModel
{
    public const int HistoryLimit = 100;

    // The outbox is read a page at a time from its start; an instance's events beyond this many entries are not shown.
    private const int OutboxScan = 1_000;

    [BindProperty(SupportsGet = true)] public string InstanceId { get; set; } = "";

    [BindProperty(SupportsGet = true)] public bool Test { get; set; }

    public InstanceSnapshot? Snapshot { get; private set; }

    public IReadOnlyList<CallHistoryEntry> History { get; private set; } = [];

    public IReadOnlyList<OutboxEntry> Events { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var address = new InstanceAddress(InstanceId, Test ? Traffic.Test : Traffic.Live);
        Snapshot = await grains.GetInstance(address).Get();
        if (Snapshot is null) return;

        History = [.. (await grains.GetCallHistory().Read(InstanceId, address.Traffic, HistoryLimit, null)).Select(c => c.Entry)];
        var stream = SellerEventStreams.Of(address);
        var outbox = grains.GetSellerEventOperations();
        var pending = await outbox.GetPending(0, OutboxScan);
        var dead = await outbox.GetDeadLetters(0, OutboxScan);
        Events = [.. pending.Concat(dead).Where(e => e.Stream == stream).OrderBy(e => e.Seq)];
    }
}
