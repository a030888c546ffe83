using System.Collections.Concurrent;

namespace Provisioning.Marketplace.OpenApi;

/// <summary>The orders scenarios registered with the fake open API, and how each was queried. Safe for concurrent use.</summary>
public sealed class OrderBook
{
    private readonly ConcurrentDictionary<string, ScriptedOrder> _orders = new(StringComparer.Ordinal);

    /// <summary>
    /// Registers (or replaces) what the order query answers for <paramref name="orderId"/>; in this process a query can also be
    /// held until <paramref name="release"/> completes, as a marketplace that answers late.
    /// </summary>
    public void Script(string orderId, OrderScript script, Task? release = null) => _orders[orderId] = new ScriptedOrder(script, release ?? Task.CompletedTask);

    /// <summary>How the order was queried so far, or null when it was never registered.</summary>
    public OrderTrace? Trace(string orderId) => _orders.TryGetValue(orderId, out var order) ? order.Trace : null;

    internal ScriptedOrder? Find(string orderId) => _orders.GetValueOrDefault(orderId);

    /// <summary>One registered order with its counters.</summary>
    internal sealed class ScriptedOrder(OrderScript script, Task release)
    {
        private int _queries;
        private int _badSignatures;

        public OrderScript Script => script;

        public Task Release => release;

        public OrderTrace Trace => new(Volatile.Read(ref _queries), Volatile.Read(ref _badSignatures));

        /// <summary>Counts a correctly signed query; true when it is one of those scripted to fail.</summary>
        public bool CountQuery() => Interlocked.Increment(ref _queries) <= script.FailFirstQueries;

        public void CountBadSignature() => Interlocked.Increment(ref _badSignatures);
    }
}
