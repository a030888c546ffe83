using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Provisioning.Testing;

namespace Provisioning.Gateway.Tests.KooGallery.Hook;

/// <summary>
/// The gateway with the provisioning hook pointed at a <see cref="SellerApplicationReceiver"/>: the application gets 1 s per
/// newInstance (KooGallery:ProvisioningBudget) and 1.5 s per request, and a V2 instance still provisioning is re-driven every second.
/// </summary>
public sealed class HookedGateway : GatewayFactory, IAsyncLifetime
{
    public SellerApplicationReceiver Application { get; private set; } = null!;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["SellerApplication:ProvisioningUrl"] = Application.Url.ToString(),
        ["SellerApplication:SigningSecret"] = SellerApplicationReceiver.Secret,
        ["SellerApplication:RequestTimeout"] = "00:00:01.500",
        ["KooGallery:ProvisioningBudget"] = "00:00:01",
        ["Provisioning:RetryPeriod"] = "00:00:01",
        ["Provisioning:PollPeriod"] = "00:00:00.050",
    };

    public async Task InitializeAsync() => Application = await SellerApplicationReceiver.StartAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Application.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1)));
    }
}

[CollectionDefinition(Name)]
public sealed class HookedGatewayCollection : ICollectionFixture<HookedGateway>
{
    public const string Name = nameof(HookedGatewayCollection);
}
