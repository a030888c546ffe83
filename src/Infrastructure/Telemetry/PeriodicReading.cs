namespace Provisioning.Infrastructure.Telemetry;

/// <summary>
/// A value read in the background at most once per period, and only while someone asks for it: the asker (a metrics
/// collection) gets the last reading at once and never waits for the read. A failed read forgets the last value, so a
/// stale figure is never shown as current.
/// </summary>
internal sealed class PeriodicReading<T>(Func<CancellationToken, Task<T>> read, TimeSpan period, TimeProvider clock, Action<Exception> failed)
    : IDisposable where T : class
{
    private static readonly TimeSpan MaxReadTime = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private T? _last;
    private DateTimeOffset _due = DateTimeOffset.MinValue;
    private bool _reading;

    /// <summary>The last reading (none before the first read ends); starts a read when the last one is a period old.</summary>
    public T? Last()
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (!_reading && now >= _due && !_stopping.IsCancellationRequested)
            {
                (_reading, _due) = (true, now + period);
                // Not part of the collection that asked, nor of any trace around it.
                using (ExecutionContext.SuppressFlow()) _ = Task.Run(ReadAsync);
            }

            return _last;
        }
    }

    public void Dispose() => _stopping.Cancel();

    private async Task ReadAsync()
    {
        T? value = null;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            timeout.CancelAfter(MaxReadTime);
            value = await read(timeout.Token);
        }
        catch (Exception e)
        {
            // Shutting down, nobody reads the figure any more.
            if (!_stopping.IsCancellationRequested) failed(e);
        }
        finally
        {
            lock (_gate) (_last, _reading) = (value, false);
        }
    }
}
