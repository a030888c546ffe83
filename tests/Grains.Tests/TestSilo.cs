using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Provisioning.Grains.Orders;
using Provisioning.Infrastructure.Hosting;
using Provisioning.Testing;

namespace Provisioning.Grains.Tests;

/// <summary>The grains of a test silo: in-memory storage and reminders, scripted orders, and provisioning periods short enough to wait for.</summary>
internal static class TestSilo
{
    public static ISiloBuilder AddGrainsInMemory(this ISiloBuilder silo, IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Provisioning:RetryPeriod"] = "00:00:01",
            ["Provisioning:PollPeriod"] = "00:00:00.050",
        }).AddInMemoryCollection(settings ?? []).Build();
        silo.AddProvisioningGrains(configuration)
            .AddMemoryGrainStorage(StorageNames.Grains)
            .UseInMemoryReminderService()
            .Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        silo.Services.AddSingleton<IOrderSource, ScriptedOrders>();
        return silo;
    }
}
