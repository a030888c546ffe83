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

    private static string CodeFor(LicenseOutcome outcome) => outcome switch
    {
        LicenseOutcome.Accepted => ResultCodes.InProgress,
        LicenseOutcome.InstanceNotFound => ResultCodes.InstanceNotFound,
        LicenseOutcome.QuotaInsufficient => LicenseResultCodes.QuotaInsufficient,
        LicenseOutcome.OutsideValidity => LicenseResultCodes.OutsideValidity,
        LicenseOutcome.ExpiryRequired => LicenseResultCodes.ExpiryRequired,
        LicenseOutcome.FingerprintRequired => LicenseResultCodes.FingerprintRequired,
        LicenseOutcome.EventConflict => ResultCodes.InvalidParameter,
        LicenseOutcome.InstanceNotReady => ResultCodes.InternalError,
        _ => ResultCodes.InternalError,
    };
}
