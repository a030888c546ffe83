using Microsoft.Extensions.Hosting;

namespace Provisioning.Infrastructure.Hosting;

/// <summary>Says loudly at startup that nothing this process holds will survive it.</summary>
internal sealed class InMemoryStorageWarning(ILogger<InMemoryStorageWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogWarning(
            "IN-MEMORY STORAGE: no ConnectionStrings:Provisioning is set, so instances, clustering and reminders live in this process only " +
            "and are lost when it stops. Set ConnectionStrings__Provisioning to a PostgreSQL database for production.");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
