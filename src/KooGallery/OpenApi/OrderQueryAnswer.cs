namespace Provisioning.KooGallery.OpenApi;

/// <summary>
/// Reads an order query answer (license §D.1) into a <see cref="MarketplaceOrder"/>. Ids, expiry times and linear values
/// decide provisioning and must be readable; informational values that cannot be read become null.
/// </summary>
internal static class OrderQueryAnswer
{
    public const string Operation = "order query";

    public const string Success = "MKT.0000";

    /// <exception cref="OpenApiException">The answer is not a success, or its order cannot be read.</exception>
    public static MarketplaceOrder Read(int httpStatus, ReadOnlySpan<byte> body)
    {
        var root = JsonObjectBody.TryRead(body, out var json, out _) ? new AnswerNode(json, "") : (AnswerNode?)null;
        var code = root?.LenientText("resultCode") ?? root?.LenientText("error_code") ?? "";
        var message = root?.LenientText("resultMsg") ?? root?.LenientText("error_msg");
        if (code != Success || httpStatus is < 200 or > 299)
        {
            throw OpenApiException.Refused(Operation, code, message, httpStatus);
        }

        try
        {
            var order = root!.Value.Object("orderInfo") ?? throw new FormatException("the answer has no orderInfo");
            return Order(order);
        }
        catch (FormatException e)
        {
            throw OpenApiException.Unreadable(Operation, code, httpStatus, e.Message);
        }
    }

    private static MarketplaceOrder Order(AnswerNode order) => new(
        order.RequiredText("orderId"),
        OrderTypes.Parse(order.Text("orderType")),
        order.Time("createTime", strict: false),
        Buyer(order.Object("buyerInfo")),
        order.Objects("orderLine").Select(Line).ToArray(),
        ExtendParams(order));

    private static OrderBuyer Buyer(AnswerNode? buyer) => new(
        buyer?.Text("customerId"),
        buyer?.Text("customerName"),
        buyer?.Text("userId"),
        buyer?.Text("userName"),
        buyer?.Text("mobilePhone"),
        buyer?.Text("email"));

    private static MarketplaceOrderLine Line(AnswerNode line) => new(
        line.RequiredText("orderLineId"),
        OrderChargingModes.Parse(line.Text("chargingMode")),
        line.Time("expireTime", strict: true),
        line.Text("periodType"),
        line.Integer("periodNumber", strict: false) is long n and >= int.MinValue and <= int.MaxValue ? (int)n : null,
        line.Text("currency"),
        line.Decimal("currencyAfterDiscount"),
        line.Objects("productInfo").Select(Product).ToArray(),
        ExtendParams(line));

    private static OrderProduct Product(AnswerNode product) => new(
        product.RequiredText("productId"),
        product.Text("skuCode"),
        product.Integer("linearValue", strict: true),
        product.Text("productName"));

    // Buyer-entered name/value pairs: an entry without a name carries nothing usable and is skipped.
    private static ExtendParam[] ExtendParams(AnswerNode owner) =>
        owner.Objects("extendParams")
            .Select(entry => (Name: entry.Text("name"), Value: entry.RawText("value")))
            .Where(entry => entry.Name is not null)
            .Select(entry => new ExtendParam(entry.Name!, entry.Value))
            .ToArray();

}
