using System.Collections.Concurrent;
using Provisioning.Grains.Instances;

namespace Provisioning.Grains.Tests.Instances.Hook;

/// <summary>
/// The seller's application as the hooked test cluster sees it: each test scripts the answer for its own instance id, and every
/// request is recorded. Unscripted instances get a tenant with no access of its own.
/// </summary>
public sealed class ScriptedTenants : ITenantProvisioner
{
    private static readonly ConcurrentDictionary<string, Func<TenantOrder, Task<ProvisionedTenant>>> Scripts = new();
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<TenantOrder>> Requests = new();

    public static void Script(string instanceId, Func<TenantOrder, Task<ProvisionedTenant>> answer) => Scripts[instanceId] = answer;

    public static IReadOnlyList<TenantOrder> RequestsFor(string instanceId) => Requests.TryGetValue(instanceId, out var all) ? [.. all] : [];

    public Task<ProvisionedTenant> CreateTenantAsync(TenantOrder order, CancellationToken cancellationToken)
    {
        Requests.GetOrAdd(order.InstanceId, _ => new ConcurrentQueue<TenantOrder>()).Enqueue(order);
        return Scripts.TryGetValue(order.InstanceId, out var answer) ? answer(order) : Task.FromResult(new ProvisionedTenant(null, null, null, null));
    }
}
