using Microsoft.Extensions.Hosting;

namespace Provisioning.Marketplace.OpenApi;

/// <summary>
/// Keeps the fake's web host away from Ctrl+C and SIGTERM: the command that hosts it decides when to stop (the <c>run</c>
/// command must stay interruptible, the <c>fake-openapi</c> command stops on either signal itself).
/// </summary>
internal sealed class SignalFreeLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
