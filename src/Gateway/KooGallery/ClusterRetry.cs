namespace Provisioning.Gateway.KooGallery;

/// <summary>
/// A grain call that a stopping or lost silo dropped (its connection closed with the call in flight, or it refused the call
/// while shutting down) is sent again: the cluster places the grain on a silo that stays. Every callback is idempotent, so
/// a call that did run before the silo went runs again harmlessly. The callback timeout still bounds all attempts.
/// </summary>
internal static class ClusterRetry
{
    private static readonly TimeSpan[] Pauses = [TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500)];

    public static async Task<T> RunAsync<T>(Func<Task<T>> call)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (OrleansMessageRejectionException) when (attempt < Pauses.Length)
            {
                await Task.Delay(Pauses[attempt]);
            }
        }
    }
}
