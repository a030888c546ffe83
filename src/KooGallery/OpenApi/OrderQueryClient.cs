using System.Net.Http.Headers;
using Polly.Timeout;

namespace Provisioning.KooGallery.OpenApi;

/// <summary>
/// The Open API 查询订单 (order query, license §D.1, saas §2.9), relative to the HttpClient's BaseAddress.
/// Registered by <see cref="OpenApiServiceCollectionExtensions.AddKooGalleryOpenApi"/> with signing, timeouts,
/// retries and the fallback host.
/// </summary>
public sealed class OrderQueryClient(HttpClient http)
{
    /// <summary>The API's path, relative to the base address.</summary>
    public const string Path = "api/mkp-openapi-public/global/v1/order/query";

    private const int MaxIdLength = 64;

    /// <summary>The order, or just the one line when <paramref name="orderLineId"/> is given.</summary>
    /// <exception cref="OpenApiException">The marketplace did not answer MKT.0000, or did not answer at all.</exception>
    /// <exception cref="InvalidOperationException">The AK/SK are not configured.</exception>
    public async Task<MarketplaceOrder> QueryAsync(string orderId, string? orderLineId, CancellationToken ct)
    {
        RequireId(orderId, nameof(orderId));
        if (orderLineId is not null) RequireId(orderLineId, nameof(orderLineId));

        var query = "?orderId=" + Uri.EscapeDataString(orderId)
            + (orderLineId is null ? "" : "&orderLineId=" + Uri.EscapeDataString(orderLineId));
        // The Open API lists Content-Type as mandatory, so even this GET carries an empty JSON content.
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Path + query, UriKind.Relative))
        {
            Content = new ByteArrayContent([]) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        try
        {
            using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
            return OrderQueryAnswer.Read((int)response.StatusCode, body);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException
                                  || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            throw OpenApiException.NoAnswer(OrderQueryAnswer.Operation, e);
        }
    }

    private static void RequireId(string id, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(id, name);
        if (id.Length > MaxIdLength)
        {
            throw new ArgumentException($"The {name} is longer than {MaxIdLength} characters.", name);
        }
    }
}
