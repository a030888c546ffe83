using System.Text.Json;
using Microsoft.Extensions.Options;
using Provisioning.Grains;
using Provisioning.Grains.Instances;
using Provisioning.Grains.Tenants;
using Provisioning.KooGallery;
using Provisioning.KooGallery.Kit;

namespace Provisioning.Gateway.KooGallery.Kit;

/// <summary>
/// The joint-operation Kit syncs of both generations: authenticate, parse leniently, and hand the whole batch to the tenant's
/// grain in one call, so a sync is applied completely or (on any error) not at all.
/// </summary>
internal sealed class KitCallbacks(
    IGrainFactory grains,
    KitAuthentication authentication,
    CallbackRunner runner,
    IOptions<KooGalleryOptions> options,
    IServiceProvider services)
{
    public string SigningKey(KitGeneration generation) => generation == KitGeneration.V1 ? options.Value.Key! : options.Value.KitAccessKey!;

    public Task<byte[]> HandleAsync(KitGeneration generation, string sync, byte[]? body, Func<string, string?> header, CancellationToken cancellationToken)
    {
        var received = ReceivedBody.Read(body, KitEndpoint.MaxBodyBytes);
        var root = received.Root;
        var call = new CallbackSubject(generation == KitGeneration.V1 ? "kit-v1" : "kit-v2", sync, received.IsJson && KitEnvelope.IsTest(root) ? Traffic.Test : Traffic.Live)
        {
            OrderId = received.IsJson ? JsonEnvelope.Text(root, "orderId") : null,
            InstanceId = received.IsJson ? JsonEnvelope.Text(root, "instanceId") : null,
            TenantId = received.IsJson ? JsonEnvelope.Text(root, "tenantId") : null,
        };
        var steps = new CallbackSteps(
            received.Error ?? KitEnvelope.Ambiguity(root),
            () => authentication.RefuseAsync(generation, received.Bytes!, root, header),
            () => DispatchAsync(generation, call, root));
        return runner.RunAsync(call, KitSyncs.All, steps, cancellationToken);
    }

    private async Task<Answer> DispatchAsync(KitGeneration generation, CallbackSubject call, JsonElement body) => call.Activity switch
    {
        KitSyncs.TenantSync => await Respond(TenantSyncRequest.Parse(body, generation), async r =>
        {
            await Tenant(r.TenantId, call.Traffic).SyncProfile(KitTranslation.Profile(r));
            return $"tenant {r.TenantId} synced";
        }),
        KitSyncs.ApplicationSync => await Answer.Respond(ApplicationSyncRequest.Parse(body, generation), r => SyncApplication(r, call.Traffic)),
        KitSyncs.AuthSync => await Respond(AuthSyncRequest.Parse(body, generation), async r =>
        {
            var users = KitTranslation.Users(r);
            await Tenant(r.TenantId, call.Traffic).SyncUsers(users);
            return $"{users.Users.Count} users synced";
        }),
        KitSyncs.SingleOrgSync => await Respond(SingleOrgSyncRequest.Parse(body), async r =>
        {
            await Tenant(r.TenantId, call.Traffic).SyncDepartment(KitTranslation.Department(r), KitTranslation.Action(r.Flag));
            return $"department {r.OrgCode} synced";
        }),
        KitSyncs.AllOrgSync => await Respond(AllOrgSyncRequest.Parse(body), async r =>
        {
            await Tenant(r.TenantId, call.Traffic).ReplaceDepartments(KitTranslation.Departments(r));
            return $"{r.Departments.Count} departments synced";
        }),
        var sync => Answer.InvalidParameter($"'{ActivityNames.Truncate(sync ?? "")}' is not a Kit interface"),
    };

    private async Task<Answer> SyncApplication(ApplicationSyncRequest r, Traffic traffic)
    {
        // The secret stays encrypted at rest exactly as it arrived; decrypting here only proves it can be read later (spec A-9).
        if (r.Flag != SyncFlag.Delete)
        {
            if (services.GetService<ClientSecretDecryptor>() is not { } decryptor)
            {
                return Answer.Result(ResultCodes.InternalError, "clientSecret cannot be decrypted: KooGallery:KitPrivateKey is not configured");
            }

            if (!decryptor.TryDecrypt(r.EncryptedClientSecret, out _))
            {
                return Answer.Result(ResultCodes.InternalError, "clientSecret cannot be decrypted with the configured private key (KooGallery:KitPrivateKey)");
            }
        }

        await Tenant(r.TenantId, traffic).SyncApplication(KitTranslation.Application(r));
        return Answer.Result(ResultCodes.Success, $"application {r.AppId} synced");
    }

    private static Task<Answer> Respond<T>(Parsed<T> parsed, Func<T, Task<string>> apply) where T : class =>
        Answer.Respond(parsed, async r => Answer.Result(ResultCodes.Success, await apply(r)));

    private ITenantGrain Tenant(string tenantId, Traffic traffic) => grains.GetTenant(new TenantAddress(tenantId, traffic));
}
