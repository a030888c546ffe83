using Provisioning.KooGallery;
using Provisioning.KooGallery.Responses;

namespace Provisioning.Gateway.KooGallery;

/// <summary>
/// Writes an answer the way the marketplace checks it: HTTP 200, JSON, and a Body-Sign over exactly the bytes sent.
/// The body is serialized once, before signing, and nothing re-encodes it afterwards.
/// </summary>
internal sealed class SignedJson(byte[] body, string key) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ResponseJson.ContentType;
        response.ContentLength = body.Length;
        response.Headers[BodySign.HeaderName] = BodySign.Compute(body, key);
        return response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
    }
}
