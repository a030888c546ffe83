using Provisioning.Marketplace.OpenApi;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Provisioning.Simulator.Cli;

/// <summary>
/// <c>fake-openapi</c>: runs the fake KooGallery open API until Ctrl+C or SIGTERM, printing one line per call, then a summary of
/// the usage received (exit code 1 when a metering_sn arrived with two different values). Keys are never printed.
/// </summary>
public sealed class FakeOpenApiCommand : AsyncCommand<FakeOpenApiSettings>
{
    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, FakeOpenApiSettings settings, CancellationToken cancellationToken)
    {
        using var stop = new StopSignal(cancellationToken);

        var options = new FakeOpenApiOptions(settings.Port, settings.AccessKeyId!, settings.SecretAccessKey!, settings.AccessKey!);
        await using var api = await FakeOpenApi.StartAsync(options, line => AnsiConsole.MarkupLineInterpolated($"[grey]{DateTimeOffset.Now:HH:mm:ss.fff}[/] {line}"));
        AnsiConsole.MarkupLineInterpolated($"Fake KooGallery open API on [bold]{api.BaseUrl}[/]; point the gateway at it with KooGallery__OpenApi__BaseUrl={api.BaseUrl} and the same AK/SK. Ctrl+C stops.");
        await stop.WaitAsync();

        var usage = api.Usage.Snapshot();
        AnsiConsole.MarkupLineInterpolated($"Usage received: {usage.Records.Count} records, {usage.Repeats} repeats, {usage.Conflicts.Count} conflicts, {usage.AcceptedPushes} pushes taken, {usage.RefusedPushes} refused.");
        foreach (var conflict in usage.Conflicts)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]conflict[/] metering_sn {conflict.MeteringSn}: {conflict.First.UsageValue} then {conflict.Later.UsageValue}");
        }

        return usage.Conflicts.Count == 0 ? 0 : 1;
    }
}
