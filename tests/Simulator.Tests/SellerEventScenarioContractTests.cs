using System.Security.Cryptography;
using Provisioning.SellerApplication;
using Provisioning.Simulator.Running;
using Provisioning.Simulator.Scenarios;

namespace Provisioning.Simulator.Tests;

/// <summary>
/// The seller event scenarios' checks, against a fake seller application fed by the <see cref="ContractDeliverer"/> instead of
/// the backend: they fail when the event contract is broken (that they pass when it is kept, the real backend shows in
/// <see cref="ScenarioTests"/>).
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class SellerEventScenarioContractTests(SimulatedMarketplace marketplace) : IAsyncLifetime
{
    private static readonly string Secret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private FakeSellerApplication _app = null!;

    public async Task InitializeAsync() => _app = await FakeSellerApplication.StartAsync(new FakeSellerApplicationOptions(0, Secret));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    // The instance API is not read: it knows the gateway's instances, not the test double's events.
    private SimulationRunner Runner(ContractDeliverer deliverer) =>
        new(marketplace.Gateway.CreateDefaultClient(deliverer), marketplace.Options with { SellerApiKey = null, SellerApp = _app.BaseUrl });

    [Theory]
    [InlineData("seller-events-failing-app")]
    [InlineData("seller-events-dropped-connections")]
    public async Task The_fault_scenario_fails_when_redeliveries_carry_new_ids(string name)
    {
        using var deliverer = new ContractDeliverer(_app.EventsUrl, Secret) { NewIdPerAttempt = true };

        var report = await Runner(deliverer).Run([ScenarioCatalog.Find(name)!]);

        var failed = Assert.Single(report.Steps, s => !s.Passed);
        Assert.StartsWith("seller app: instance.opened, instance.renewed, instance.frozen, instance.released each once", failed.Step);
        Assert.Contains("times under its id, expected at least", failed.Failure);
    }

    [Fact]
    public async Task The_lifecycle_scenario_fails_when_the_marketplaces_repeats_send_events_too()
    {
        using var deliverer = new ContractDeliverer(_app.EventsUrl, Secret) { EventsForRepeats = true };

        var report = await Runner(deliverer).Run([ScenarioCatalog.Find("seller-events-lifecycle")!]);

        var failed = Assert.Single(report.Steps, s => !s.Passed);
        Assert.Contains("received [instance.opened, instance.opened, instance.renewed, instance.frozen, instance.frozen, instance.unfrozen, instance.upgraded, instance.released, instance.released]", failed.Failure);
    }
}
