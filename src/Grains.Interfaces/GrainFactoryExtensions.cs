using Provisioning.Grains.CallHistory;
using Provisioning.Grains.Events;
using Provisioning.Grains.Instances;
using Provisioning.Grains.Licenses;
using Provisioning.Grains.Login;
using Provisioning.Grains.Replay;
using Provisioning.Grains.Tenants;
using Provisioning.Grains.Usage;

namespace Provisioning.Grains;

/// <summary>The one way to reach each grain: from its address record, never from a key spelled by hand.</summary>
public static class GrainFactoryExtensions
{
    public static ISaasInstanceGrain GetInstance(this IGrainFactory grains, InstanceAddress address) =>
        grains.GetGrain<ISaasInstanceGrain>(address.GrainKey);

    /// <summary>A License of the retired License callbacks.</summary>
    public static ILicenseGrain GetLicense(this IGrainFactory grains, LicenseAddress address) =>
        grains.GetGrain<ILicenseGrain>(address.GrainKey);

    /// <summary>The key Licenses are verified with (a stateless worker).</summary>
    public static ILicenseSigningKeyGrain GetLicenseSigningKey(this IGrainFactory grains) =>
        grains.GetGrain<ILicenseSigningKeyGrain>(ILicenseSigningKeyGrain.Key);

    /// <summary>The instance list, read from the query model.</summary>
    public static IInstanceCatalogGrain GetInstanceCatalog(this IGrainFactory grains) =>
        grains.GetGrain<IInstanceCatalogGrain>(IInstanceCatalogGrain.Key);

    /// <summary>The call history of every instance (a stateless worker: each silo answers from its store).</summary>
    public static ICallHistoryGrain GetCallHistory(this IGrainFactory grains) =>
        grains.GetGrain<ICallHistoryGrain>(ICallHistoryGrain.Key);

    /// <summary>The operator's view of the seller event outbox (a stateless worker).</summary>
    public static ISellerEventOperationsGrain GetSellerEventOperations(this IGrainFactory grains) =>
        grains.GetGrain<ISellerEventOperationsGrain>(ISellerEventOperationsGrain.Key);

    /// <summary>The online Licenses of an instance (keyed like the instance).</summary>
    public static IOnlineLicenseGrain GetOnlineLicenses(this IGrainFactory grains, InstanceAddress address) =>
        grains.GetGrain<IOnlineLicenseGrain>(address.GrainKey);

    /// <summary>The usage meter of a pay-per-use instance (keyed like the instance).</summary>
    public static IUsageMeterGrain GetUsageMeter(this IGrainFactory grains, InstanceAddress address) =>
        grains.GetGrain<IUsageMeterGrain>(address.GrainKey);

    /// <summary>The cluster's one usage push grain.</summary>
    public static IUsagePushGrain GetUsagePush(this IGrainFactory grains) =>
        grains.GetGrain<IUsagePushGrain>(IUsagePushGrain.Key);

    public static ITenantGrain GetTenant(this IGrainFactory grains, TenantAddress address) =>
        grains.GetGrain<ITenantGrain>(address.Key);

    public static IOrderProductClaimGrain GetOrderProductClaim(this IGrainFactory grains, OrderProductAddress address) =>
        grains.GetGrain<IOrderProductClaimGrain>(address.GrainKey);

    /// <summary>An activation code of a License product (keyed by code and traffic).</summary>
    public static IActivationCodeGrain GetActivationCode(this IGrainFactory grains, ActivationCodeAddress address) =>
        grains.GetGrain<IActivationCodeGrain>(address.GrainKey);

    /// <summary>A login attempt, keyed by the value of the browser's attempt cookie.</summary>
    public static ILoginAttemptGrain GetLoginAttempt(this IGrainFactory grains, string cookieValue) =>
        grains.GetGrain<ILoginAttemptGrain>(cookieValue);

    /// <summary>A login session, keyed by the value of the browser's session cookie.</summary>
    public static ILoginSessionGrain GetLoginSession(this IGrainFactory grains, string cookieValue) =>
        grains.GetGrain<ILoginSessionGrain>(cookieValue);

    /// <summary>The registry that remembers a signed request's nonce (see <see cref="NonceRegistry.KeyFor"/>).</summary>
    public static INonceRegistryGrain GetNonceRegistry(this IGrainFactory grains, string scope, DateTimeOffset timestamp, string nonce) =>
        grains.GetGrain<INonceRegistryGrain>(NonceRegistry.KeyFor(scope, timestamp, nonce));
}
