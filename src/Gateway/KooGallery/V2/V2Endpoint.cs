namespace Provisioning.Gateway.KooGallery.V2;

/// <summary><c>POST {BasePath}</c>: the V2 production interface and the activation code callbacks. Every answer is HTTP 200 with a signed JSON body.</summary>
internal static class V2Endpoint
{
    /// <summary>V2 bodies are a few hundred bytes; anything far larger is refused unread.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public static async Task<IResult> HandleAsync(HttpContext http, V2Callbacks callbacks)
    {
        var query = http.Request.Query;
        var body = await RequestBody.ReadAsync(http.Request.Body, MaxBodyBytes, http.RequestAborted);
        return await callbacks.HandleAsync(
            body, query["signature"].FirstOrDefault(), query["timestamp"].FirstOrDefault(), query["nonce"].FirstOrDefault(), http.RequestAborted);
    }
}
