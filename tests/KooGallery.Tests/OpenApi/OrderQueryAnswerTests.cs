using System.Text;
using Provisioning.KooGallery.OpenApi;

namespace Provisioning.KooGallery.Tests.OpenApi;

/// <summary>Reading order query answers tolerantly (license §B.4.2, §D.1).</summary>
public class OrderQueryAnswerTests
{
    private static MarketplaceOrder Read(string orderInfo) =>
        OrderQueryAnswer.Read(200, Encoding.UTF8.GetBytes($$"""{"resultCode":"MKT.0000","resultMsg":"Success.","orderInfo":{{orderInfo}}}"""));

    private static OpenApiException Unreadable(string orderInfo) => Assert.Throws<OpenApiException>(() => Read(orderInfo));

    [Fact]
    public void The_spec_example_reads_the_same_without_the_client()
    {
        var order = OrderQueryAnswer.Read(200, Encoding.UTF8.GetBytes(OrderQueryExample.Answer));

        Assert.Equal(("MOCKPERIODYEARNEW", OrderType.New), (order.OrderId, order.Type));
        Assert.Equal(10, order.Lines[0].Products[0].LinearValue);
    }

    [Fact]
    public void Numbers_may_come_as_strings_and_text_as_numbers()
    {
        var order = Read("""
            {"orderId":20240317,"createTime":20240317144237,"buyerInfo":{"customerId":12345,"userId":"u"},
             "orderLine":[{"orderLineId":"L-1","expireTime":"20250317144237123","periodNumber":"12","currencyAfterDiscount":"99.50",
                           "productInfo":[{"productId":"p","linearValue":"10"},{"productId":"q","linearValue":20.0,"skuCode":7}]}]}
            """);

        Assert.Equal("20240317", order.OrderId);
        Assert.Equal(new DateTimeOffset(2024, 3, 17, 14, 42, 37, TimeSpan.Zero), order.CreatedAt);
        Assert.Equal("12345", order.Buyer.CustomerId);
        var line = order.Lines[0];
        Assert.Equal(new DateTimeOffset(2025, 3, 17, 14, 42, 37, 123, TimeSpan.Zero), line.ExpireTime);
        Assert.Equal(12, line.PeriodNumber);
        Assert.Equal(99.50m, line.AmountAfterDiscount);
        Assert.Equal([new OrderProduct("p", null, 10, null), new OrderProduct("q", "7", 20, null)], line.Products);
    }

    [Fact]
    public void Unknown_members_are_ignored_at_every_level()
    {
        var order = Read("""
            {"orderId":"O","newField":{"deep":[1,2]},"buyerInfo":{"customerRealName":"x","customerType":1,"userName":"n"},
             "orderLine":[{"orderLineId":"L","futureFlag":true,"productInfo":[{"productId":"p","attributes":[{"k":"v"}]}]}]}
            """);

        Assert.Equal("n", order.Buyer.UserName);
        Assert.Equal("p", order.Lines[0].Products[0].ProductId);
    }

    [Theory]
    [InlineData("NEW", OrderType.New)]
    [InlineData("TRIAL", OrderType.Trial)]
    [InlineData("TRIAL_TO_FORMAL", OrderType.TrialToFormal)]
    [InlineData("UNSUBSCRIBE", OrderType.Unsubscribe)]
    [InlineData("RENEW", OrderType.Renew)]
    [InlineData("CHANGE", OrderType.Change)]
    [InlineData("trial", OrderType.Trial)]
    [InlineData("TRANSFER", OrderType.Unknown)]
    [InlineData("", OrderType.Unknown)]
    public void Each_order_type_reads_and_an_unknown_one_is_Unknown(string wire, OrderType expected)
    {
        var order = Read($$"""{"orderId":"O","orderType":"{{wire}}"}""");

        Assert.Equal(expected, order.Type);
        Assert.Equal(expected == OrderType.Trial, order.IsTrial);
    }

    [Theory]
    [InlineData("ON_DEMAND", OrderChargingMode.OnDemand)]
    [InlineData("ONE_TIME", OrderChargingMode.OneTime)]
    [InlineData("PERIOD", OrderChargingMode.Period)]
    [InlineData("ON_DEMAND_PKG", OrderChargingMode.OnDemandPackage)]
    [InlineData("period", OrderChargingMode.Period)]
    [InlineData("FREE", OrderChargingMode.Unknown)]
    public void Each_charging_mode_reads_and_an_unknown_one_is_Unknown(string wire, OrderChargingMode expected)
    {
        Assert.Equal(expected, Read($$"""{"orderId":"O","orderLine":[{"orderLineId":"L","chargingMode":"{{wire}}"}]}""").Lines[0].ChargingMode);
    }

    [Fact]
    public void Absent_optional_parts_read_as_empty()
    {
        var order = Read("""{"orderId":"O","buyerInfo":null,"orderLine":[{"orderLineId":"L"}]}""");

        Assert.Equal((OrderType.Unknown, (DateTimeOffset?)null), (order.Type, order.CreatedAt));
        Assert.Equal(new OrderBuyer(null, null, null, null, null, null), order.Buyer);
        Assert.Empty(order.ExtendParams);
        var line = order.Lines[0];
        Assert.Equal((OrderChargingMode.Unknown, (DateTimeOffset?)null, (string?)null, (int?)null, (string?)null, (decimal?)null),
            (line.ChargingMode, line.ExpireTime, line.PeriodType, line.PeriodNumber, line.Currency, line.AmountAfterDiscount));
        Assert.Empty(order.Lines[0].Products);
        Assert.Empty(order.Lines[0].ExtendParams);
        Assert.Null(order.Line("L-2"));
    }

    [Fact]
    public void The_buyers_private_fields_are_read_when_present()
    {
        var order = Read("""{"orderId":"O","buyerInfo":{"mobilePhone":"13800000000","email":"buyer@example.com"}}""");

        Assert.Equal(("13800000000", "buyer@example.com"), (order.Buyer.MobilePhone, order.Buyer.Email));
    }

    [Fact]
    public void Extend_params_keep_non_text_values_as_json_and_skip_entries_without_a_name()
    {
        var order = Read("""
            {"orderId":"O","extendParams":[{"name":"a","value":"x"},{"name":"n","value":5},{"name":"o","value":{"k":true}},
                                           {"name":"e"},{"name":"z","value":null},{"value":"orphan"}]}
            """);

        Assert.Equal([new("a", "x"), new("n", "5"), new("o", """{"k":true}"""), new("e", ""), new("z", "")], order.ExtendParams);
    }

    [Theory]
    [InlineData("createTime", "\"yesterday\"")]
    [InlineData("createTime", "\"2024-03-17\"")]
    public void An_unreadable_informational_order_value_reads_as_null(string field, string json)
    {
        Assert.Null(Read($$"""{"orderId":"O","{{field}}":{{json}}}""").CreatedAt);
    }

    [Theory]
    [InlineData("\"periodNumber\":\"one\"")]
    [InlineData("\"periodNumber\":1e20")]
    [InlineData("\"periodNumber\":1.5")]
    [InlineData("\"currencyAfterDiscount\":\"n/a\"")]
    public void An_unreadable_informational_line_value_reads_as_null(string member)
    {
        var line = Read($$"""{"orderId":"O","orderLine":[{"orderLineId":"L",{{member}}}]}""").Lines[0];

        Assert.Null(line.PeriodNumber);
        Assert.Null(line.AmountAfterDiscount);
    }

    [Theory]
    [InlineData("""[]""", "orderInfo is not an object")]
    [InlineData("""{"orderType":"NEW"}""", "orderInfo.orderId is missing")]
    [InlineData("""{"orderId":""}""", "orderInfo.orderId is missing")]
    [InlineData("""{"orderId":{"id":"O"}}""", "orderInfo.orderId is not text")]
    [InlineData("""{"orderId":"O","buyerInfo":"b"}""", "orderInfo.buyerInfo is not an object")]
    [InlineData("""{"orderId":"O","orderLine":{"orderLineId":"L"}}""", "orderInfo.orderLine is not a list")]
    [InlineData("""{"orderId":"O","orderLine":[{"orderLineId":"L"},"L2"]}""", "orderInfo.orderLine[1] is not an object")]
    [InlineData("""{"orderId":"O","orderLine":[{"chargingMode":"PERIOD"}]}""", "orderInfo.orderLine[0].orderLineId is missing")]
    [InlineData("""{"orderId":"O","orderLine":[{"orderLineId":"L","expireTime":"2025-03-17"}]}""",
        "orderInfo.orderLine[0].expireTime '2025-03-17' is not a UTC time in yyyyMMddHHmmss[SSS] form")]
    [InlineData("""{"orderId":"O","orderLine":[{"orderLineId":"L","productInfo":[{"skuCode":"s"}]}]}""",
        "orderInfo.orderLine[0].productInfo[0].productId is missing")]
    [InlineData("""{"orderId":"O","orderLine":[{"orderLineId":"L","productInfo":[{"productId":"p","linearValue":"ten"}]}]}""",
        "orderInfo.orderLine[0].productInfo[0].linearValue 'ten' is not an integer")]
    [InlineData("""{"orderId":"O","orderLine":[{"orderLineId":"L","productInfo":[{"productId":"p","linearValue":2.5}]}]}""",
        "orderInfo.orderLine[0].productInfo[0].linearValue '2.5' is not an integer")]
    [InlineData("""{"orderId":"O","extendParams":"none"}""", "orderInfo.extendParams is not a list")]
    public void A_value_that_decides_provisioning_must_be_readable(string orderInfo, string problem)
    {
        var error = Unreadable(orderInfo);

        Assert.Equal(("MKT.0000", (int?)200, false), (error.ResultCode, error.HttpStatus, error.Transient));
        Assert.Equal($"The marketplace order query answered MKT.0000 (HTTP 200) but {problem}", error.Message);
    }

    [Theory]
    [InlineData("""{"resultCode":"MKT.0000","resultMsg":"Success."}""")]
    [InlineData("""{"resultCode":"MKT.0000","orderInfo":null}""")]
    public void A_success_without_an_order_cannot_be_read(string answer)
    {
        var error = Assert.Throws<OpenApiException>(() => OrderQueryAnswer.Read(200, Encoding.UTF8.GetBytes(answer)));

        Assert.Equal("The marketplace order query answered MKT.0000 (HTTP 200) but the answer has no orderInfo", error.Message);
    }

    [Fact]
    public void A_success_code_with_an_error_status_is_a_failure()
    {
        var error = Assert.Throws<OpenApiException>(() => OrderQueryAnswer.Read(500, Encoding.UTF8.GetBytes(OrderQueryExample.Answer)));

        Assert.Equal(("MKT.0000", (int?)500, true), (error.ResultCode, error.HttpStatus, error.Transient));
    }

    [Fact]
    public void A_long_marketplace_message_is_shortened()
    {
        var answer = $$"""{"resultCode":"MKT.0101","resultMsg":"{{new string('m', 1000)}}"}""";

        var error = Assert.Throws<OpenApiException>(() => OrderQueryAnswer.Read(400, Encoding.UTF8.GetBytes(answer)));

        Assert.Equal($"The marketplace order query answered MKT.0101 (HTTP 400): {new string('m', 300)}…", error.Message);
    }

    [Theory]
    [InlineData("""{"resultCode":{"code":"MKT.0101"},"resultMsg":["no"]}""", "The marketplace order query answered HTTP 400 without a result code: (no message)")]
    [InlineData("""{"resultCode":"MKT.0101"}""", "The marketplace order query answered MKT.0101 (HTTP 400): (no message)")]
    [InlineData("""not json""", "The marketplace order query answered HTTP 400 without a result code: (no message)")]
    public void An_oddly_shaped_failure_is_still_reported(string answer, string message)
    {
        var error = Assert.Throws<OpenApiException>(() => OrderQueryAnswer.Read(400, Encoding.UTF8.GetBytes(answer)));

        Assert.Equal(message, error.Message);
        Assert.False(error.Transient);
    }
}
