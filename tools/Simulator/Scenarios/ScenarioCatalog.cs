using Provisioning.KooGallery.Kit;
using Provisioning.Marketplace.OpenApi;
using Provisioning.SellerApplication;

namespace Provisioning.Simulator.Scenarios;

/// <summary>Every scenario the simulator can play, in the order a full run plays them.</summary>
public static class ScenarioCatalog
{
    /// <summary>All scenarios.</summary>
    public static IReadOnlyList<IScenario> All { get; } =
    [
        new V1PeriodicScenario(),
        new V1OneTimeScenario(),
        new V1TrialScenario(),
        new V1PayPerUseScenario(),
        new LicenseCallbacksScenario(),
        new UsageScenario(),
        new V2DebugScenario(),
        new V2LiveScenario(OrderScript.Period),
        new V2LiveScenario(OrderScript.OnDemand),
        new V2LiveOneTimeScenario(),
        new V2LiveTrialScenario(),
        new OnlineLicenseScenario(),
        new LicenseCodesLifecycleScenario(),
        new LicenseCodesOutOfOrderScenario(),
        new LicenseCodesRefusalsScenario(),
        new LicenseCodesFaultsScenario(),
        new KitScenario(KitGeneration.V1),
        new KitScenario(KitGeneration.V2),
        new BadSignatureScenario(),
        new ReplayScenario(),
        new StaleScenario(),
        new TamperedScenario(),
        new ConcurrentDuplicatesScenario(),
        new TruncatedScenario(),
        new KitFaultsScenario(),
        new ReleaseBeforeRetryScenario(),
        new RenewalsOutOfOrderScenario(),
        new ReleaseWhileProvisioningScenario(),
        new SlowBodyScenario(),
        new SellerEventsLifecycleScenario(),
        new SellerEventsTenantScenario(),
        new SellerEventsFaultScenario(DeliveryFault.Error),
        new SellerEventsFaultScenario(DeliveryFault.Drop),
        new LoginOAuthScenario(),
        new LoginCasScenario(),
        new LoginRefusalsScenario(),
        new LoginFaultsScenario(),
    ];

    /// <summary>The scenario with this name, or null when there is none.</summary>
    public static IScenario? Find(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
