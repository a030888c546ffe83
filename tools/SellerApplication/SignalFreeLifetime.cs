using Microsoft.Extensions.Hosting;

namespace Provisioning.SellerApplication;

/// <summary>
/// Keeps the fake's web host away from Ctrl+C and SIGTERM: the command that hosts it decides when to stop (the simulator's
/// <c>run</c> command must stay interruptible, <c>fake-seller-app</c> stops on either signal itself).
/// </summary>
internal sealed class SignalFreeLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
