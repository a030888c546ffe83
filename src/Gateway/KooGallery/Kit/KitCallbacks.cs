using System.Text.Json;
using Microsoft.Extensions.Options;
using Provisioning.Grains.Instances;
using Provisioning.Grains.Tenants;
using Provisioning.KooGallery;
using Provisioning.KooGallery.Kit;
using Provisioning.KooGallery.V2;
using Provisioning.Grains;

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
    IServiceProvider services,
    ILogger<KitCallbacks> logger)
{
    private static readonly HashSet<string> Syncs = ["tenantSync", "applicationSync", "authSync", "singleOrgSync", "allOrgSync"];

    public string SigningKey(KitGeneration generation) => generation == KitGeneration.V1 ? options.Value.Key! : options.Value.KitAccessKey!;

    public Task<byte[]> HandleAsync(KitGeneration generation, string sync, byte[]? body, Func<string, string?> header, CancellationToken cancellationToken)
    {
        var received = ReceivedBody.Read(body, KitEndpoint.MaxBodyBytes);
        var traffic = received.IsJson && KitEnvelope.IsTest(received.Root) ? Traffic.Test : Traffic.Live;
        var protocol = generation == KitGeneration.V1 ? "kit-v1" : "kit-v2";
        var call = new CallbackSubject(protocol, sync, traffic)
        {
            OrderId = received.IsJson ? V2Envelope.Text(received.Root, "orderId") : null,
            InstanceId = received.IsJson ? V2Envelope.Text(received.Root, "instanceId") : null,
            TenantId = received.IsJson ? V2Envelope.Text(received.Root, "tenantId") : null,
        };

        return runner.RunAsync(call, Syncs, async () =>
        {
            // Unreadable or ambiguous bodies go before the signature: it must cover exactly what would be executed.
            if (received.Bytes is null || !received.IsJson) return Answer.InvalidParameter(received.Error!);
            if (KitEnvelope.Ambiguity(received.Root) is { } ambiguity) return Answer.InvalidParameter(ambiguity);
            if (await authentication.RefuseAsync(generation, received.Bytes, received.Root, header) is { } refusal)
            {
                logger.LogWarning("Refused {Protocol} {Sync}: {Reason}", protocol, sync, refusal);
                return Answer.AuthenticationFailed(refusal);
            }

            return await AnswerAsync(generation, sync, received.Root, traffic);
        }, cancellationToken);
    }

    private async Task<Answer> AnswerAsync(KitGeneration generation, string sync, JsonElement body, Traffic traffic) => sync switch
    {
        "tenantSync" => await Respond(TenantSyncRequest.Parse(body, generation), async r =>
        {
            await Tenant(r.TenantId, traffic).SyncProfile(new TenantProfileSync(r.InstanceId, r.OrderId, r.TenantCode, r.Name, r.DomainName, Action(r.Flag)));
            return $"tenant {r.TenantId} synced";
        }),
        "applicationSync" => await Answer.Respond(ApplicationSyncRequest.Parse(body, generation), r => SyncApplication(r, traffic)),
        "authSync" => await Respond(AuthSyncRequest.Parse(body, generation), async r =>
        {
            var users = r.Users.Select(u => new DirectoryUser(u.UserName, u.Name, u.OrgCode, u.Position, u.EmployeeCode, u.EmployeeType,
                u.Role == KitUser.AdminRole, u.Enabled, u.Mobile, u.Email, u.WorkPlace, u.EntryDate)).ToArray();
            await Tenant(r.TenantId, traffic).SyncUsers(new UserSync(r.AppId, users, r.CurrentSync, Action(r.Flag)));
            return $"{users.Length} users synced";
        }),
        "singleOrgSync" => await Respond(SingleOrgSyncRequest.Parse(body), async r =>
        {
            await Tenant(r.TenantId, traffic).SyncDepartment(new Department(r.OrgCode, r.OrgName, r.ParentCode), Action(r.Flag));
            return $"department {r.OrgCode} synced";
        }),
        "allOrgSync" => await Respond(AllOrgSyncRequest.Parse(body), async r =>
        {
            await Tenant(r.TenantId, traffic).ReplaceDepartments([.. r.Departments.Select(d => new Department(d.OrgCode, d.OrgName, d.ParentCode))]);
            return $"{r.Departments.Count} departments synced";
        }),
        _ => Answer.InvalidParameter($"'{ActivityNames.Truncate(sync)}' is not a Kit interface"),
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

        await Tenant(r.TenantId, traffic).SyncApplication(new ApplicationSync(r.InstanceId, r.AppId, r.ClientId, r.EncryptedClientSecret, Action(r.Flag)));
        return Answer.Result(ResultCodes.Success, $"application {r.AppId} synced");
    }

    private static Task<Answer> Respond<T>(Parsed<T> parsed, Func<T, Task<string>> apply) where T : class =>
        Answer.Respond(parsed, async r => Answer.Result(ResultCodes.Success, await apply(r)));

    private ITenantGrain Tenant(string tenantId, Traffic traffic) => grains.GetTenant(new TenantAddress(tenantId, traffic));

    private static SyncAction Action(SyncFlag flag) => flag switch
    {
        SyncFlag.Add => SyncAction.Add,
        SyncFlag.Modify => SyncAction.Modify,
        SyncFlag.CancelAuthorization => SyncAction.CancelAuthorization,
        _ => SyncAction.Delete,
    };
}
