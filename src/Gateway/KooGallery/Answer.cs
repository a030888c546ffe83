using Provisioning.Grains.Instances;
using Provisioning.KooGallery;
using Provisioning.KooGallery.Responses;

namespace Provisioning.Gateway.KooGallery;

/// <summary>An answer to the marketplace: its result code and message, and the exact bytes that carry them.</summary>
internal readonly record struct Answer(string Code, string Message, byte[] Body)
{
    public static Answer Result(string code, string message) => new(code, message, ResponseJson.Serialize(new ResultResponse(code, message)));

    public static Answer From(InstanceReply reply) => Result(ReplyCodes.For(reply), reply.Message);

    public static Answer InvalidParameter(string message) => Result(ResultCodes.InvalidParameter, message);

    public static Answer AuthenticationFailed(string message) => Result(ResultCodes.AuthenticationFailed, message);

    /// <summary>Runs a grain command for a request that parsed, or names what was wrong with it.</summary>
    public static async Task<Answer> Call<T>(Parsed<T> parsed, Func<T, Task<InstanceReply>> call) where T : class =>
        parsed.Request is null ? InvalidParameter(parsed.Error!) : From(await call(parsed.Request));

    /// <summary>Builds the answer for a request that parsed, or names what was wrong with it.</summary>
    public static async Task<Answer> Respond<T>(Parsed<T> parsed, Func<T, Task<Answer>> respond) where T : class =>
        parsed.Request is null ? InvalidParameter(parsed.Error!) : await respond(parsed.Request);
}
