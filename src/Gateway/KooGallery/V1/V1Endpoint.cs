namespace Provisioning.Gateway.KooGallery.V1;

/// <summary><c>GET {BasePath}</c>: the V1 production interface. Every answer is HTTP 200 with a signed JSON body.</summary>
internal static class V1Endpoint
{
    public static async Task<IResult> HandleAsync(HttpContext http, V1Callbacks callbacks)
    {
        // First value per name, URL-decoded once by ASP.NET Core, exactly as the marketplace signed them.
        var parameters = http.Request.Query.ToDictionary(p => p.Key, p => p.Value.FirstOrDefault() ?? "", StringComparer.Ordinal);
        var body = await callbacks.HandleAsync(parameters, http.RequestAborted);
        return new SignedJson(body, callbacks.SigningKey);
    }
}
