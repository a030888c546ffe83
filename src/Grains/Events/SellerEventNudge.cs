namespace Provisioning.Grains.Events;

/// <summary>
/// Tells this silo's deliverer that events were just recorded, so a fresh event goes out at once instead of at the next
/// poll. Nudges while it is busy collapse into one.
/// </summary>
public sealed class SellerEventNudge
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Nudge()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already nudged and not yet woken: one wake-up serves both.
        }
    }

    /// <summary>Waits for a nudge or until <paramref name="timeout"/> passes.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
