using Orleans.Dashboard;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Orleans.Configuration;
using Provisioning.Grains;
using Provisioning.Grains.CallHistory;
using Provisioning.Grains.Events;
using Provisioning.Grains.Instances;
using Provisioning.Grains.Licenses;
using Provisioning.Grains.Orders;
using Provisioning.Grains.Storage;
using Provisioning.Grains.Tenants;
using Provisioning.Grains.Usage;
using Provisioning.Infrastructure.KooGallery;
using Provisioning.Infrastructure.Postgres;
using Provisioning.Infrastructure.Licenses;
using Provisioning.Infrastructure.SellerApplication;
using Provisioning.Infrastructure.Telemetry;
using Provisioning.KooGallery.OpenApi;
using Provisioning.KooGallery.OpenApi.Licenses;
using Provisioning.KooGallery.Usage;

namespace Provisioning.Infrastructure.Hosting;

/// <summary>The silo configuration shared by the silo host and the gateway's co-hosted silo.</summary>
public static class ProvisioningSiloExtensions
{
    public const string ConnectionStringName = "Provisioning";

    /// <summary>
    /// Grains, clustering, storage and reminders: in memory when <c>ConnectionStrings:Provisioning</c> is absent,
    /// otherwise all in PostgreSQL (schema migrated at start unless <c>Database:MigrateOnStart</c> is false).
    /// </summary>
    public static ISiloBuilder AddProvisioning(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.AddProvisioningGrains(configuration);
        silo.Services.Configure<ClusterOptions>(o => (o.ServiceId, o.ClusterId) = ("provisioning", "provisioning"));
        silo.Services.Configure<ClusterOptions>(configuration.GetSection("Orleans"));
        // The pod name in Kubernetes: the membership table and the logs name the silo by it.
        if (configuration["Orleans:SiloName"] is { Length: > 0 } siloName) silo.Services.Configure<SiloOptions>(o => o.SiloName = siloName);
        silo.AddFailureDetection(configuration);
        if (ClusterDashboard.IsOn(configuration)) silo.AddDashboard();

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            silo.UseLocalhostClustering(configuration.GetValue("Orleans:Endpoints:SiloPort", 11111), configuration.GetValue("Orleans:Endpoints:GatewayPort", 30000))
                .AddMemoryGrainStorage(StorageNames.Grains)
                .UseInMemoryReminderService();
            silo.Services.AddHostedService<InMemoryStorageWarning>();
            return silo;
        }

        return silo.UsePostgres(connectionString, migrateOnStart: configuration.GetValue("Database:MigrateOnStart", true));
    }

    /// <summary>The grains and what they need, without storage or clustering (tests bring their own).</summary>
    public static ISiloBuilder AddProvisioningGrains(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.AddOptions<InstanceAccessOptions>()
            .Bind(configuration.GetSection(InstanceAccessOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        silo.Services.TryAddSingleton<IAccessLimits, KooGalleryAccessLimits>();
        silo.Services.AddSingleton<InstanceAccessIssuer>();
        silo.Services.AddOptions<ProvisioningOptions>()
            .Bind(configuration.GetSection(ProvisioningOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        silo.Services.AddKooGalleryOpenApi(configuration);
        silo.Services.TryAddTransient<IOrderSource, KooGalleryOrderSource>();
        // Only V2 instances that are provisioning fetch orders: the others need not build its HTTP client when they activate.
        silo.Services.TryAddTransient(sp => new Lazy<IOrderSource>(sp.GetRequiredService<IOrderSource>));
        silo.Services.AddKooGalleryActivationCodes(configuration);
        silo.Services.TryAddTransient<IActivationCodeMarketplace, KooGalleryActivationCodes>();
        silo.Services.TryAddSingleton<ITenantDirectory, InMemoryTenantDirectory>();
        silo.Services.AddOptions<OnlineLicenseOptions>()
            .Bind(configuration.GetSection(OnlineLicenseOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        silo.Services.AddKooGalleryLicenseUpload(configuration);
        silo.Services.TryAddTransient<ILicenseUploader, KooGalleryLicenseUploader>();
        silo.Services.AddOptions<UsageOptions>()
            .Bind(configuration.GetSection(UsageOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        silo.Services.AddKooGalleryUsagePush(configuration);
        silo.Services.TryAddTransient<IUsageSink, KooGalleryUsageSink>();
        silo.Services.TryAddSingleton<IUsageLedger, InMemoryUsageLedger>();
        silo.Services.TryAddSingleton<UsageMetrics>();
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.AddSellerEvents(configuration);
        silo.Services.AddLicenses(configuration);
        silo.Services.TryAddSingleton<InMemoryInstanceViews>();
        silo.Services.TryAddSingleton<IInstanceProjection>(sp => sp.GetRequiredService<InMemoryInstanceViews>());
        silo.Services.TryAddSingleton<IInstanceViewReader>(sp => sp.GetRequiredService<InMemoryInstanceViews>());
        silo.Services.AddProvisioningHook(configuration);
        silo.Services.AddOptions<ActivationCodeOptions>()
            .Bind(configuration.GetSection(ActivationCodeOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        silo.Services.AddOptions<CallHistoryOptions>()
            .Bind(configuration.GetSection(CallHistoryOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        silo.Services.TryAddSingleton<ICallHistory, InMemoryCallHistory>();
        silo.Services.AddHostedService<CallHistoryRetention>();
        silo.UseSystemTextJsonGrainStorageSerializer();
        silo.AddActivityPropagation();
        silo.AddIncomingGrainCallFilter<DatabaseFailureFilter>();
        return silo;
    }

    /// <summary>ADO.NET clustering, grain storage and reminders on PostgreSQL through one shared data source.</summary>
    public static ISiloBuilder UsePostgres(this ISiloBuilder silo, string connectionString, bool migrateOnStart)
    {
        const string invariant = "Npgsql";
        silo.Services.AddSingleton(_ => SiloDataSource.Create(connectionString));
        silo.Services.AddSingleton<ITenantDirectory, PostgresTenantDirectory>();
        silo.Services.AddSingleton<IUsageLedger, PostgresUsageLedger>();
        silo.Services.AddSingleton<IInstanceProjection, PostgresInstanceProjection>();
        silo.Services.AddSingleton<IInstanceViewReader, PostgresInstanceViews>();
        silo.Services.AddOptions<InstanceViewOptions>().BindConfiguration(InstanceViewOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        silo.Services.AddHostedService<InstanceViewRepair>();
        silo.Services.AddSingleton<ISellerEventOutbox, PostgresSellerEventOutbox>();
        silo.Services.AddSingleton<ISellerEventDelivery, PostgresSellerEventDelivery>();
        silo.Services.AddSingleton<ISellerEventOutboxOperations, PostgresSellerEventOperations>();
        silo.Services.AddSingleton<ICallHistory, PostgresCallHistory>();
        silo.Services.AddClusterGauges<PostgresClusterCounts>();
        if (migrateOnStart)
        {
            silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp =>
                new DatabaseMigration(connectionString, sp.GetRequiredService<ILogger<DatabaseMigration>>()));
        }

        silo.UseAdoNetClustering(o => o.Configure<NpgsqlDataSource>((options, ds) => (options.Invariant, options.DataSource) = (invariant, ds)));
        silo.AddAdoNetGrainStorage(StorageNames.Grains, o => o.Configure<NpgsqlDataSource>((options, ds) => (options.Invariant, options.DataSource) = (invariant, ds)));
        silo.UseAdoNetReminderService(o => o.Configure<NpgsqlDataSource>((options, ds) => (options.Invariant, options.DataSource) = (invariant, ds)));
        return silo;
    }
}
