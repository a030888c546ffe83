namespace Provisioning.Grains.Storage;

/// <summary>How a grain whose state changed in memory first makes it durable.</summary>
internal static class StateWrites
{
    /// <summary>
    /// Writes the state. When the write fails the in-memory state is ahead of storage, so the grain is deactivated
    /// (<paramref name="deactivate"/>: its <c>DeactivateOnIdle</c>) and its next activation reloads what is durable; the failure is rethrown.
    /// </summary>
    public static async Task WriteOrReloadAsync<T>(this IPersistentState<T> state, Action deactivate)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            deactivate();
            throw;
        }
    }
}
