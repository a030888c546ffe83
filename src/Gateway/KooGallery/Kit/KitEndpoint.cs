using Provisioning.KooGallery.Kit;

namespace Provisioning.Gateway.KooGallery.Kit;

/// <summary>
/// <c>POST {BasePath}/produceAPI/{sync}</c> (Kit V1) and <c>POST {BasePath}/produceAPI/v2/{sync}</c> (Kit V2): the joint-operation
/// syncs. Every answer is HTTP 200 with a signed JSON body.
/// </summary>
internal static class KitEndpoint
{
    /// <summary>A full department sync of 20,000 departments fits comfortably; anything larger is refused unread.</summary>
    public const int MaxBodyBytes = 8 * 1024 * 1024;

    public static Task<IResult> HandleV1Async(HttpContext http, KitCallbacks callbacks, string sync) => HandleAsync(http, callbacks, KitGeneration.V1, sync);

    public static Task<IResult> HandleV2Async(HttpContext http, KitCallbacks callbacks, string sync) => HandleAsync(http, callbacks, KitGeneration.V2, sync);

    private static async Task<IResult> HandleAsync(HttpContext http, KitCallbacks callbacks, KitGeneration generation, string sync)
    {
        var body = await RequestBody.ReadAsync(http.Request.Body, MaxBodyBytes, http.RequestAborted);
        var headers = http.Request.Headers;
        var answer = await callbacks.HandleAsync(generation, sync, body, name => headers[name].FirstOrDefault(), http.RequestAborted);
        return new SignedJson(answer, callbacks.SigningKey(generation));
    }
}
