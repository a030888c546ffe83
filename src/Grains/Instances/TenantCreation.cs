namespace Provisioning.Grains.Instances;

/// <summary>What the seller's application answered the provisioning hook: the tenant it created, or why it has not (yet).</summary>
internal readonly record struct TenantAnswer(ProvisionedTenant? Tenant, string? Failure);

/// <summary>
/// The provisioning hook as one instance's activation drives it: at most one request to the seller's application in flight, sent
/// off the grain's scheduler, its answer kept in memory until the instance opens, so a later call (the marketplace's retry, a
/// poll tick) picks up a late answer without asking twice. A failed answer is asked again on the next <see cref="Ask"/>. Nothing
/// here is durable: after a restart the application is asked again, and it answers a repeat with the same tenant.
/// </summary>
internal sealed class TenantCreation(ITenantProvisioner provisioner, InstanceAccessIssuer access, ILogger logger)
{
    private Task<TenantAnswer>? _answer;

    /// <summary>The request in flight or answered, or null when none was sent since the last <see cref="Forget"/>.</summary>
    public Task<TenantAnswer>? Answer => _answer;

    /// <summary>Sends the request unless one is in flight or was answered with a tenant; returns the answer to wait for.</summary>
    public Task<TenantAnswer> Ask(TenantOrder order)
    {
        if (_answer is null || _answer is { IsCompleted: true, Result.Tenant: null }) _answer = Task.Run(() => CreateAsync(order));
        return _answer;
    }

    /// <summary>Drops the answer: the instance opened, or is no longer wanted.</summary>
    public void Forget() => _answer = null;

    private async Task<TenantAnswer> CreateAsync(TenantOrder order)
    {
        try
        {
            var tenant = await provisioner.CreateTenantAsync(order, CancellationToken.None);
            if (access.Violations(tenant) is { } violations) return Failed(order, $"the seller application answered access the marketplace cannot carry: {violations}");
            return new TenantAnswer(tenant, null);
        }
        catch (Exception e)
        {
            return Failed(order, e.Message);
        }
    }

    private TenantAnswer Failed(TenantOrder order, string reason)
    {
        logger.LogWarning("The seller application has not created the tenant of instance {InstanceId} ({Traffic}): {Reason}", order.InstanceId, order.Traffic, reason);
        return new TenantAnswer(null, reason);
    }
}
