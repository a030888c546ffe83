using Provisioning.SellerApplication;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Provisioning.Simulator.Cli;

/// <summary>
/// <c>fake-seller-app</c>: runs the fake seller application until Ctrl+C or SIGTERM, printing one line per delivery, then a
/// summary of what it received. Exit code 1 when a delivery was refused (unsigned, stale, badly signed, not an event), an event
/// arrived out of order, or an id came back with other content. The secret is never printed.
/// </summary>
public sealed class FakeSellerAppCommand : AsyncCommand<FakeSellerAppSettings>
{
    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, FakeSellerAppSettings settings, CancellationToken cancellationToken)
    {
        using var stop = new StopSignal(cancellationToken);

        var options = new FakeSellerApplicationOptions(settings.Port, settings.Secret!);
        await using var app = await FakeSellerApplication.StartAsync(options, line => AnsiConsole.MarkupLineInterpolated($"[grey]{DateTimeOffset.Now:HH:mm:ss.fff}[/] {line}"));
        foreach (var fault in settings.FaultSpecs)
        {
            (fault.Provisioning ? app.ProvisioningFaults : app.EventFaults).Inject(fault.Rule);
        }

        AnsiConsole.MarkupLineInterpolated($"Fake seller application on [bold]{app.BaseUrl}[/]; point the gateway at it with SellerApplication__EventsUrl={app.EventsUrl} (and SellerApplication__ProvisioningUrl={app.ProvisioningUrl} for the provisioning hook) and the same secret. Ctrl+C stops.");
        await stop.WaitAsync();

        var events = app.Events.Snapshot();
        var provisioning = app.Provisioning.Snapshot();
        Summary("Events", events);
        Summary("Provisioning requests", provisioning);
        return Clean(events) && Clean(provisioning) ? 0 : 1;
    }

    private static void Summary(string what, InboxSnapshot received)
    {
        var refused = received.Refused;
        AnsiConsole.MarkupLineInterpolated(
            $"{what}: {received.Events.Count} distinct, {received.Duplicates} re-deliveries deduped, {refused.Total} refused ({refused.MissingHeaders} missing headers, {refused.Stale} stale, {refused.BadSignature} bad signatures, {refused.Malformed} malformed), {received.OutOfOrder.Count} out of order, {received.Conflicts.Count} conflicting.");
        foreach (var violation in received.OutOfOrder)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]out of order[/] {violation.Stream}: {violation.Id} version {violation.Version} after version {violation.AfterVersion}");
        }

        foreach (var id in received.Conflicts)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]conflict[/] {id} was re-delivered with another type or data");
        }
    }

    private static bool Clean(InboxSnapshot received) =>
        received.OutOfOrder.Count == 0 && received.Conflicts.Count == 0 && received.Refused.Total == 0;
}
