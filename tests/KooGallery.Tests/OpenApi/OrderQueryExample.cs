namespace Provisioning.KooGallery.Tests.OpenApi;

/// <summary>The order query answer of license §D.1, for MOCKPERIODYEARNEW.</summary>
internal static class OrderQueryExample
{
    public const string Answer =
        """{"resultCode":"MKT.0000","resultMsg":"Success.","orderInfo":{"orderId":"MOCKPERIODYEARNEW","orderType":"NEW","createTime":"20240317144237","buyerInfo":{"customerId":"68805512345678901234567890abcdef","customerName":"demo_user","userId":"1e8a0000000000000000000007df834e","userName":"demo_user"},"orderLine":[{"orderLineId":"MOCKPERIODYEARNEW-000001","chargingMode":"PERIOD","expireTime":"20250317144237","periodType":"year","periodNumber":1,"currency":"CNY","currencyAfterDiscount":100.0,"productInfo":[{"productId":"00301-123456-0--0","skuCode":"a63ee5c9-4f86-11ed-9f95-fa163e8cb3b2","linearValue":10,"productName":"Demo License"}],"extendParams":[{"name":"emailDomainName","value":"example.com"}]}]}}""";
}
