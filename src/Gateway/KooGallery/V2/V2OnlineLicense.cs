using Provisioning.Grains;
using Provisioning.Grains.Instances;
using Provisioning.Grains.Licenses;
using Provisioning.KooGallery;
using Provisioning.KooGallery.Licenses;

namespace Provisioning.Gateway.KooGallery.V2;

/// <summary>getLicenseAsync: the application goes to the instance's online License grain, whose reply becomes the result code (license §C.1).</summary>
internal static class V2OnlineLicense
{
    public static async Task<Answer> ApplyAsync(IGrainFactory grains, GetLicenseAsyncRequest request, Traffic traffic)
    {
        var application = new LicenseApplication(request.EventId, request.EffectiveTime, request.ExpireTime, request.DeviceFingerprint);
        var reply = await grains.GetOnlineLicenses(new InstanceAddress(request.InstanceId, traffic)).Apply(application);
        return Answer.Result(CodeFor(reply.Outcome), reply.Message);
    }

    private static string CodeFor(OnlineLicenseOutcome outcome) => outcome switch
    {
        OnlineLicenseOutcome.Accepted => ResultCodes.InProgress,
        OnlineLicenseOutcome.InstanceNotFound => ResultCodes.InstanceNotFound,
        OnlineLicenseOutcome.QuotaInsufficient => LicenseResultCodes.QuotaInsufficient,
        OnlineLicenseOutcome.OutsideValidity => LicenseResultCodes.OutsideValidity,
        OnlineLicenseOutcome.ExpiryRequired => LicenseResultCodes.ExpiryRequired,
        OnlineLicenseOutcome.FingerprintRequired => LicenseResultCodes.FingerprintRequired,
        OnlineLicenseOutcome.EventConflict => ResultCodes.InvalidParameter,
        OnlineLicenseOutcome.InstanceNotReady => ResultCodes.InternalError,
        _ => ResultCodes.InternalError,
    };
}
