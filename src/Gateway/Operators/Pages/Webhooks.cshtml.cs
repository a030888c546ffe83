using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Provisioning.Grains;
using Provisioning.Grains.Events;

namespace Provisioning.Gateway.Operators.Pages;

/// <summary>The event outbox: dead letters (an operator re-drives them) and what is still pending.</summary>
public sealed class WebhooksModel(IGrainFactory grains) : PageModel
{
    public const int PageSize = 200;

    public IReadOnlyList<OutboxEntry> DeadLetters { get; private set; } = [];

    public IReadOnlyList<OutboxEntry> Pending { get; private set; } = [];

    public bool CanChange => User.IsInRole(OperatorRoles.Operator);

    [TempData] public string? Redriven { get; set; }

    public async Task OnGetAsync()
    {
        var outbox = grains.GetSellerEventOperations();
        DeadLetters = await outbox.GetDeadLetters(0, PageSize);
        Pending = await outbox.GetPending(0, PageSize);
    }

    public async Task<IActionResult> OnPostRedriveAsync(string eventId)
    {
        if (!CanChange) return StatusCode(StatusCodes.Status403Forbidden);
        Redriven = await grains.GetSellerEventOperations().Redrive(eventId)
            ? $"Event {eventId} is pending again."
            : $"Event {eventId} is no longer a dead letter.";
        return RedirectToPage();
    }
}
