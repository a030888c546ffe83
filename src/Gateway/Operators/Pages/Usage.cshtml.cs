using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Provisioning.Grains;
using Provisioning.Grains.Instances;
using Provisioning.Grains.Usage;

namespace Provisioning.Gateway.Operators.Pages;

/// <summary>Metered usage: the push outbox, one instance's hours (recorded, staged, pushed) and records, and the dead letters.</summary>
public sealed class UsageModel(IGrainFactory grains) : PageModel
{
    public const int DeadLetterLimit = 200;

    [BindProperty(SupportsGet = true)] public string? InstanceId { get; set; }

    public OutboxSummary Summary { get; private set; } = new(0, 0, null, 0, 0);

    public MeterStatement? Statement { get; private set; }

    public IReadOnlyList<UsageHourRow> Hours { get; private set; } = [];

    public UsageChart Chart { get; private set; } = UsageChart.Of([]);

    public IReadOnlyList<MeteringRecord> DeadLetters { get; private set; } = [];

    public bool CanChange => User.IsInRole(OperatorRoles.Operator);

    [TempData] public string? Redriven { get; set; }

    public async Task OnGetAsync()
    {
        var push = grains.GetUsagePush();
        Summary = await push.GetSummary();
        DeadLetters = await push.GetDeadLetters(DeadLetterLimit);
        if (string.IsNullOrWhiteSpace(InstanceId)) return;

        Statement = await grains.GetUsageMeter(new InstanceAddress(InstanceId.Trim(), Traffic.Live)).GetStatement();
        var pushed = Statement.Records.Where(r => r.Status == MeteringRecordStatus.Pushed)
            .GroupBy(r => (r.Package, r.HourStart)).ToDictionary(g => g.Key, g => g.Sum(r => r.Value));
        Hours = [.. Statement.Hours.OrderBy(h => h.HourStart).Select(h => new UsageHourRow(h.HourStart, h.Package, h.Quantity, h.Events, h.Staged,
            pushed.GetValueOrDefault((h.Package, h.HourStart)), h.Records))];
        Chart = UsageChart.Of(Hours);
    }

    public async Task<IActionResult> OnPostRedriveAsync()
    {
        if (!CanChange) return StatusCode(StatusCodes.Status403Forbidden);
        var count = await grains.GetUsagePush().Redrive(null);
        Redriven = $"{count} usage record(s) are pending again.";
        return RedirectToPage();
    }
}

/// <summary>One hour of one package of an instance: what was recorded, staged (corrections included) and accepted.</summary>
public sealed record UsageHourRow(DateTimeOffset HourStart, string? Package, decimal Recorded, long Events, decimal Staged, decimal Pushed, int Records);
