using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Provisioning.Grains.Events;
using Provisioning.Infrastructure.Postgres;
using Provisioning.Infrastructure.SellerApplication;

namespace Provisioning.Integration.Tests.Events;

/// <summary>One silo's dispatcher on its own, delivering the outbox of a PostgreSQL database as a silo would.</summary>
internal sealed class Deliverer : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly SellerEventDispatcher _dispatcher;

    private Deliverer(ServiceProvider services)
    {
        _services = services;
        _dispatcher = ActivatorUtilities.CreateInstance<SellerEventDispatcher>(services);
    }

    public static async Task<Deliverer> StartAsync(NpgsqlDataSource database, SellerApplicationOptions options)
    {
        var services = new ServiceCollection().AddLogging().AddMetrics();
        services.AddSingleton(database);
        services.AddSingleton<SellerEventNudge>();
        services.AddSingleton<ISellerEventDelivery, PostgresSellerEventDelivery>();
        services.AddSingleton(Options.Create(options));
        services.AddSingleton<SellerEventMetrics>();
        services.AddSingleton(TimeProvider.System);
        services.AddHttpClient(SellerEventDispatcher.HttpClientName, http => http.Timeout = options.RequestTimeout);
        var deliverer = new Deliverer(services.BuildServiceProvider());
        await deliverer._dispatcher.StartAsync(CancellationToken.None);
        return deliverer;
    }

    public async ValueTask DisposeAsync()
    {
        await _dispatcher.StopAsync(CancellationToken.None);
        _dispatcher.Dispose();
        await _services.DisposeAsync();
    }
}
