using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Provisioning.KooGallery.OpenApi;

namespace Provisioning.Testing;

/// <summary>
/// KooGallery's order query open API on a loopback port: it checks every request's AK/SK signature as the
/// API gateway would (401 otherwise), answers the orders a test scripts, and records what arrived.
/// </summary>
public sealed class FakeOrderApi : IAsyncDisposable
{
    public const string AccessKeyId = "EXAMPLEAKEXAMPLEAK00";
    public const string SecretAccessKey = "example-secret-key";

    private readonly ConcurrentDictionary<string, Func<Task<string>>> _orders = new();
    private readonly WebApplication _app;

    private FakeOrderApi(WebApplication app) => _app = app;

    public ConcurrentQueue<(string OrderId, bool SignatureValid)> Requests { get; } = new();

    public string BaseUrl => _app.BaseUrl();

    public static async Task<FakeOrderApi> StartAsync()
    {
        var api = new FakeOrderApi(LoopbackApp.Create());
        api._app.MapGet("/" + OrderQueryClient.Path, (Delegate)api.AnswerAsync);
        await api._app.StartAsync();
        return api;
    }

    /// <summary>Answers the order with this JSON (the whole response body), after whatever the function awaits.</summary>
    public void Script(string orderId, Func<Task<string>> answer) => _orders[orderId] = answer;

    /// <summary>A successful answer with one order line, in the shape of the spec's example.</summary>
    public static string Order(string orderId, string chargingMode = "PERIOD", string sku = "sku-from-api", int linearValue = 10, string orderType = "NEW") =>
        $$$"""
        {"resultCode":"MKT.0000","resultMsg":"Success.","orderInfo":{"orderId":"{{{orderId}}}","orderType":"{{{orderType}}}","createTime":"20260101000000",
        "buyerInfo":{"customerId":"cust-{{{orderId}}}","customerName":"api buyer"},
        "orderLine":[{"orderLineId":"{{{orderId}}}-000001","chargingMode":"{{{chargingMode}}}","expireTime":"20270101000000","periodType":"year","periodNumber":1,
        "currency":"CNY","currencyAfterDiscount":100.0,"productInfo":[{"productId":"00301-123456-0--0","skuCode":"{{{sku}}}","linearValue":{{{linearValue}}},"productName":"Demo"}],
        "extendParams":[{"name":"emailDomainName","value":"example.com"}]}]}}
        """;

    private async Task<IResult> AnswerAsync(HttpContext http)
    {
        var request = http.Request;
        var uri = new Uri($"{request.Scheme}://{request.Host}{request.Path}{request.QueryString}");
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        var valid = ApiGatewaySigner.Verify(request.Method, uri, headers, body.ToArray(), AccessKeyId, SecretAccessKey);
        var orderId = request.Query["orderId"].ToString();
        Requests.Enqueue((orderId, valid));

        if (!valid) return Json(401, """{"resultCode":"MKT.0150","resultMsg":"Illegal operation."}""");
        return _orders.TryGetValue(orderId, out var answer)
            ? Json(200, await answer())
            : Json(500, """{"resultCode":"MKT.9001","resultMsg":"Instance not found."}""");
    }

    private static IResult Json(int status, string body) => Results.Content(body, "application/json", statusCode: status);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
