using Provisioning.Gateway.Hosting;
using Provisioning.Gateway.KooGallery;

var builder = WebApplication.CreateBuilder(args);
builder.AddProvisioningOrleans();
builder.AddKooGallery();

var app = builder.Build();
app.MapKooGalleryEndpoints();
app.Run();

/// <summary>The gateway's entry point, visible to functional tests.</summary>
public partial class Program;
