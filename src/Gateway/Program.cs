using Provisioning.Gateway.Hosting;
using Provisioning.Gateway.KooGallery;
using Provisioning.Gateway.Login;
using Provisioning.Gateway.Operators;
using Provisioning.Gateway.SellerApi;
using Provisioning.Gateway.Telemetry;
using Provisioning.Infrastructure.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddHostDefaults("http://localhost:5080");
builder.AddRequestLimits();
builder.AddProvisioningOrleans();
builder.AddKooGallery();
builder.AddSellerApi();
builder.AddLogin();
builder.AddOperatorConsole();
builder.AddGatewayTelemetry();

var app = builder.Build();
app.UseSellerApiProblems();
app.MapKooGalleryEndpoints();
app.MapTenantApi();
app.MapUsageApi();
app.MapInstanceApi();
app.MapWebhookApi();
app.MapInstanceHistoryApi();
app.MapLicenseApi();
app.MapLicenseSigningKeyApi();
app.MapIssuedLicenseApi();
app.MapLogin();
app.MapOperatorConsole();
app.MapSellerApiDocument();
app.MapHealthProbes();
app.MapMetrics();
app.Run();

/// <summary>The gateway's entry point, visible to functional tests.</summary>
public partial class Program;
