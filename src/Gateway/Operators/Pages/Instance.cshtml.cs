using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Provisioning.Grains;
using Provisioning.Grains.CallHistory;
using Provisioning.Grains.Events;
using Provisioning.Grains.Instances;

namespace Provisioning.Gateway.Operators.Pages;

/// <summary>One instance: its state, the marketplace calls that made it, and the events sent (or being sent) to the seller's application.</summary>
public sealed class InstanceModel(IGrainFactory grains) : PageModel
{
    public const int HistoryLimit = 100;

    public const int EventLimit = 100;

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
        Events = await grains.GetSellerEventOperations().GetStream(SellerEventStreams.Of(address), EventLimit);
    }
}
