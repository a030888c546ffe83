using Provisioning.Infrastructure.Hosting;
using Provisioning.Infrastructure.Telemetry;
using Provisioning.Silo;

var builder = WebApplication.CreateBuilder(args);
if (args is ["migrate", ..])
{
    return await SchemaMigration.RunAsync(builder.Configuration);
}

// Beside a gateway (5080) on one machine without launch settings; ASPNETCORE_HTTP_PORTS, ASPNETCORE_URLS or --urls win.
builder.AddHostDefaults("http://localhost:5081");
builder.UseOrleans(silo => silo.AddProvisioning(builder.Configuration));
builder.Services.AddProvisioningTelemetry(builder.Configuration, "provisioning-silo");
builder.Services.AddHealthChecks().AddSiloReadiness(builder.Configuration);

var app = builder.Build();
app.MapHealthProbes();
app.MapMetrics();
await app.RunAsync();
return 0;
