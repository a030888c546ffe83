using Microsoft.AspNetCore.Http;
using Provisioning.KooGallery.OpenApi;

namespace Provisioning.Marketplace.OpenApi;

/// <summary>
/// <c>GET /api/mkp-openapi-public/global/v1/order/query</c>: checks the AK/SK signature as Huawei's API gateway does (401 otherwise)
/// and answers the registered order, or the failure scripted for it.
/// </summary>
internal sealed class OrderQueryEndpoint(OrderBook orders, FakeOpenApiOptions options, Action<string> log)
{
    public const string Path = "/" + OrderQueryClient.Path;

    public async Task<IResult> AnswerAsync(HttpContext http)
    {
        var orderId = http.Request.Query["orderId"].ToString();
        var orderLineId = http.Request.Query["orderLineId"].FirstOrDefault();
        var order = orders.Find(orderId);
        if (!await SignedAsync(http))
        {
            order?.CountBadSignature();
            log($"order query {orderId}: refused, the AK/SK signature does not verify");
            return OpenApiAnswers.Order(401, "APIGW.0303", "Incorrect app authentication information.");
        }

        if (order is null)
        {
            log($"order query {orderId}: not registered");
            return OpenApiAnswers.Order(500, "MKT.9001", "Order not found.");
        }

        var fail = order.CountQuery();
        if (order.Script.QueryDelay > TimeSpan.Zero)
        {
            await Task.Delay(order.Script.QueryDelay, http.RequestAborted);
        }

        await order.Release.WaitAsync(http.RequestAborted);

        if (fail)
        {
            log($"order query {orderId}: scripted failure MKT.0999");
            return OpenApiAnswers.Order(500, "MKT.0999", "System internal error.");
        }

        if (orderLineId is not null && !order.Script.OrderLineIds.Contains(orderLineId))
        {
            log($"order query {orderId}: no line {orderLineId}");
            return OpenApiAnswers.Order(500, "MKT.9001", "Order line not found.");
        }

        log($"order query {orderId}{(orderLineId is null ? "" : "/" + orderLineId)}: answered {order.Script.ChargingMode}");
        return OpenApiAnswers.Json(200, OrderAnswer.Json(orderId, orderLineId, order.Script));
    }

    private async Task<bool> SignedAsync(HttpContext http)
    {
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body, http.RequestAborted);
        return ApiGatewayCheck.Passes(http.Request, body.ToArray(), options);
    }
}
