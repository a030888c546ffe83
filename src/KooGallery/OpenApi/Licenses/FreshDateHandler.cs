namespace Provisioning.KooGallery.OpenApi.Licenses;

/// <summary>
/// Sends a request once more when the API gateway refuses its signature (401 <c>APIGW.0303</c>, which clock skew also causes,
/// §8 #19): the <see cref="SigningHandler"/> inside signs it again with a fresh <c>X-Sdk-Date</c>. A second refusal is the answer.
/// </summary>
internal sealed class FreshDateHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != System.Net.HttpStatusCode.Unauthorized) return response;

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (LicenseAnswerReader.Answer(401, body).ErrorCode != LicenseErrorCodes.SignatureRefused) return response;

        response.Dispose();
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
