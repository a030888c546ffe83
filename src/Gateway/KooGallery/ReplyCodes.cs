using Provisioning.Grains.Instances;
using Provisioning.KooGallery;

namespace Provisioning.Gateway.KooGallery;

/// <summary>Maps what a grain decided to the marketplace's result codes (spec §4).</summary>
internal static class ReplyCodes
{
    public static string For(InstanceReply reply) => For(reply.Outcome);

    public static string For(InstanceOutcome outcome) => outcome switch
    {
        InstanceOutcome.Applied or InstanceOutcome.AlreadyApplied or InstanceOutcome.AcceptedForTest or InstanceOutcome.Allowed => ResultCodes.Success,
        InstanceOutcome.NotFound or InstanceOutcome.Released => ResultCodes.InstanceNotFound,
        InstanceOutcome.InProgress => ResultCodes.InProgress,
        InstanceOutcome.Refused => ResultCodes.InvalidParameter,
        InstanceOutcome.AwaitingApplication => ResultCodes.InternalError,
        _ => ResultCodes.InternalError,
    };
}
