using Provisioning.Marketplace.AuthCenter;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Provisioning.Simulator.Cli;

/// <summary>
/// <c>fake-auth-center</c>: runs the fake tenant auth center until Ctrl+C or SIGTERM, printing one line per call, then what
/// arrived (exit code 1 when a code was redeemed twice or a client_secret did not match). Secrets are never printed.
/// </summary>
public sealed class FakeAuthCenterCommand : AsyncCommand<FakeAuthCenterSettings>
{
    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, FakeAuthCenterSettings settings, CancellationToken cancellationToken)
    {
        using var stop = new StopSignal(cancellationToken);

        await using var center = await FakeAuthCenter.StartAsync(new FakeAuthCenterOptions(settings.Port), line => AnsiConsole.MarkupLineInterpolated($"[grey]{DateTimeOffset.Now:HH:mm:ss.fff}[/] {line}"));
        AnsiConsole.MarkupLineInterpolated($"Fake tenant auth center on [bold]{center.BaseUrl}[/]; a tenant's domainName is {center.BaseUrl.GetLeftPart(UriPartial.Authority)}/<tenantId>, filled through /simulator/tenants. Ctrl+C stops.");
        if (settings.TenantId is { } tenantId)
        {
            center.Directory.Register(tenantId, new TenantScript(settings.ClientId!, settings.ClientSecret!, settings.RedirectUris));
            AnsiConsole.MarkupLineInterpolated($"Tenant {tenantId}: domainName {center.DomainName(tenantId)}, {settings.RedirectUris.Length} callback URLs.");
            if (settings.UserName is { } userName)
            {
                center.Directory.AddUser(tenantId, new AuthUser(userName, userName, "admin", "10001"));
                center.Directory.SignIn(tenantId, userName);
                AnsiConsole.MarkupLineInterpolated($"User {userName} (admin) is signed in.");
            }
        }

        await stop.WaitAsync();

        var arrived = center.Arrivals.Snapshot();
        var tokenCalls = string.Join(", ", arrived.TokenRequests.Select(r => $"{(r.Key.Length == 0 ? "(none)" : r.Key)} {r.Value}"));
        AnsiConsole.MarkupLineInterpolated($"Token calls: {(tokenCalls.Length == 0 ? "none" : tokenCalls)}; client secrets matched {arrived.SecretsMatched}, mismatched {arrived.SecretsMismatched}; codes redeemed twice {arrived.CodesRedeemedTwice}; userinfo calls {arrived.UserinfoCalls}; logouts {arrived.Logouts}.");
        return arrived.CodesRedeemedTwice == 0 && arrived.SecretsMismatched == 0 ? 0 : 1;
    }
}
