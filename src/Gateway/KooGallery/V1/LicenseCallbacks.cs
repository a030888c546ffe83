using Provisioning.Grains;
using Provisioning.Grains.Instances;
using Provisioning.Grains.Licenses;
using Provisioning.KooGallery;
using Provisioning.KooGallery.Licenses;
using Provisioning.KooGallery.Responses;

namespace Provisioning.Gateway.KooGallery.V1;

/// <summary>
/// The retired License callbacks (license spec §A), which arrive at the V1 address and are authenticated like every V1 call:
/// each translated into one <see cref="ILicenseGrain"/> command. A License's id is derived from its purchase order, so every
/// repeat of <c>getLicense</c> reaches the same grain and answers the same License.
/// </summary>
internal sealed class LicenseCallbacks(IGrainFactory grains)
{
    public async Task<Answer> GetLicense(IReadOnlyDictionary<string, string> parameters, CallbackSubject call)
    {
        var parsed = GetLicenseRequest.Parse(parameters);
        if (parsed.Request is not { } r) return Answer.InvalidParameter(parsed.Error!);

        var instanceId = call.InstanceId = InstanceIds.Derive(OrderKey.ForOrder(r.OrderId), call.Traffic);
        var reply = await License(instanceId, call.Traffic).Issue(new IssueLicense(r.OrderId, r.CustomerId, r.ProductId, r.SkuCode, r.ExpireTime, r.Amount));
        var code = ReplyCodes.For(reply.Outcome);
        return new Answer(code, reply.Message, ResponseJson.Serialize(new GetLicenseResponse(code, reply.Message, instanceId, reply.License?.FirstLicense)));
    }

    public Task<Answer> RefreshLicense(IReadOnlyDictionary<string, string> parameters, Traffic traffic) =>
        Command(RefreshLicenseRequest.Parse(parameters), r => License(r.InstanceId, traffic).Renew(new RenewLicense(r.OrderId, r.ExpireTime, r.ProductId)));

    public Task<Answer> ExpireLicense(IReadOnlyDictionary<string, string> parameters, Traffic traffic) =>
        Command(ExpireLicenseRequest.Parse(parameters), r => License(r.InstanceId, traffic).Expire(new ExpireLicense(r.OrderId)));

    public Task<Answer> ReleaseLicense(IReadOnlyDictionary<string, string> parameters, Traffic traffic) =>
        Command(ReleaseLicenseRequest.Parse(parameters), r => License(r.InstanceId, traffic).Release(new ReleaseLicense(r.OrderId)));

    private static async Task<Answer> Command<T>(Parsed<T> parsed, Func<T, Task<LicenseReply>> command) where T : class
    {
        if (parsed.Request is not { } request) return Answer.InvalidParameter(parsed.Error!);

        var reply = await command(request);
        return Answer.Result(ReplyCodes.For(reply.Outcome), reply.Message);
    }

    private ILicenseGrain License(string instanceId, Traffic traffic) => grains.GetLicense(new LicenseAddress(instanceId, traffic));
}
