using System.Text.Json;
using Provisioning.Grains;
using Provisioning.Grains.Instances;
using Provisioning.Grains.Licenses;
using Provisioning.KooGallery;
using Provisioning.KooGallery.Licenses;

namespace Provisioning.Gateway.KooGallery.LicenseCodes;

/// <summary>
/// The activation code callbacks (license spec §B.3), once <see cref="V2.V2Callbacks"/> has verified them with the License key:
/// each request becomes one call of the code's grain, in the traffic namespace its <c>testFlag</c> names.
/// </summary>
internal sealed class LicenseCodeCallbacks(IGrainFactory grains)
{
    public async Task<Answer> DispatchAsync(string activity, JsonElement body) => activity switch
    {
        LicenseCodeActivities.RefreshLicenseCode => await Respond(RefreshLicenseCodeRequest.Parse(body), r => Code(r.License, r.IsTest).Renew(Renewal(r))),
        LicenseCodeActivities.UpdateLicenseCodeStatus => await Respond(UpdateLicenseCodeStatusRequest.Parse(body), r => r.Freeze
            ? Code(r.License, r.IsTest).Freeze()
            : Code(r.License, r.IsTest).Unfreeze()),
        LicenseCodeActivities.ReleaseLicenseCode => await Respond(ReleaseLicenseCodeRequest.Parse(body), r => Code(r.License, r.IsTest).Release(new ReleaseCode(r.OrderId))),
        _ => throw new ArgumentOutOfRangeException(nameof(activity), activity, "not an activation code activity"),
    };

    private static RenewCode Renewal(RefreshLicenseCodeRequest r) =>
        new(r.OrderId, r.OrderLineId, r.ExpireTime, r.Scene == LicenseCodeScene.UnsubscribeRenewalPeriod, r.ProductId);

    private IActivationCodeGrain Code(string code, bool isTest) =>
        grains.GetActivationCode(new ActivationCodeAddress(code, isTest ? Traffic.Test : Traffic.Live));

    private static async Task<Answer> Respond<T>(Parsed<T> parsed, Func<T, Task<CodeReply>> call) where T : class
    {
        if (parsed.Request is null) return Answer.InvalidParameter(parsed.Error!);
        var reply = await call(parsed.Request);
        var code = reply.Outcome is CodeOutcome.NotFound or CodeOutcome.Released ? ResultCodes.InstanceNotFound : ResultCodes.Success;
        return Answer.Result(code, reply.Message);
    }
}
