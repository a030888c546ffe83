using Provisioning.KooGallery.V2;

namespace Provisioning.KooGallery.Tests.V2;

public class V2ChangeInstanceCheckRequestTests
{
    [Fact]
    public void A_check_with_a_linear_value_parses()
    {
        var parsed = V2ChangeInstanceCheckRequest.Parse(Json.Root(
            """{"activity":"changeInstanceCheck","instanceId":"i-1","productInfo":{"linearValue":10,"productId":"00301-1","productName":"Pro","skuCode":"sku-2"},"testFlag":"1"}"""));

        Assert.Null(parsed.Error);
        Assert.Equal(new V2ChangeInstanceCheckRequest("i-1", "00301-1", "sku-2", 10, "Pro"), parsed.Request);
    }

    [Theory]
    [InlineData("", null)]
    [InlineData(",\"linearValue\":null", null)]
    [InlineData(",\"linearValue\":\"25\"", 25L)]
    [InlineData(",\"linearValue\":0", 0L)]
    [InlineData(",\"linearValue\":9007199254740993", 9007199254740993L)]
    public void The_linear_value_is_optional_and_may_come_as_a_string(string member, long? expected)
    {
        var parsed = V2ChangeInstanceCheckRequest.Parse(Json.Root(
            $$$"""{"instanceId":"i","productInfo":{"productId":"p","skuCode":"s","productName":"n"{{{member}}}}}"""));

        Assert.Null(parsed.Error);
        Assert.Equal(expected, parsed.Request!.LinearValue);
    }

    [Theory]
    [InlineData("""{"instanceId":"i"}""", "productInfo is missing")]
    [InlineData("""{"instanceId":"i","productInfo":null}""", "productInfo is missing")]
    [InlineData("""{"instanceId":"i","productInfo":[{"productId":"p","skuCode":"s","productName":"n"}]}""", "productInfo is not a JSON object")]
    [InlineData("""{"instanceId":"i","productInfo":"p"}""", "productInfo is not a JSON object")]
    [InlineData("""{"instanceId":"i","productInfo":{"skuCode":"s","productName":"n"}}""", "productInfo.productId is missing")]
    [InlineData("""{"instanceId":"i","productInfo":{"productId":"p","productName":"n"}}""", "productInfo.skuCode is missing")]
    [InlineData("""{"instanceId":"i","productInfo":{"productId":"p","skuCode":"s"}}""", "productInfo.productName is missing")]
    [InlineData("""{"instanceId":"i","productInfo":{"productId":1,"skuCode":"s","productName":"n"}}""", "productInfo.productId is not a JSON string")]
    [InlineData("""{"instanceId":"i","productInfo":{"productId":"p","skuCode":"s","productName":"n","linearValue":1.5}}""", "productInfo.linearValue '1.5' is not an integer")]
    [InlineData("""{"instanceId":"i","productInfo":{"productId":"p","skuCode":"s","productName":"n","linearValue":"ten"}}""", "productInfo.linearValue 'ten' is not an integer")]
    [InlineData("""{"instanceId":"i","productInfo":{"productId":"p","skuCode":"s","productName":"n","linearValue":true}}""", "productInfo.linearValue 'true' is not an integer")]
    [InlineData("""{"productInfo":{"productId":"p","skuCode":"s","productName":"n"}}""", "instanceId is missing")]
    [InlineData("""{"instanceId":"i","productId":"p","skuCode":"s","productName":"n"}""", "productInfo is missing")]
    public void A_bad_check_request_is_named(string json, string expected)
    {
        var parsed = V2ChangeInstanceCheckRequest.Parse(Json.Root(json));

        Assert.Null(parsed.Request);
        Assert.Equal(expected, parsed.Error);
    }

    [Fact]
    public void The_product_name_holds_at_most_64_characters()
    {
        var name = new string('名', 65);

        Assert.Equal("productInfo.productName is longer than 64 characters", V2ChangeInstanceCheckRequest.Parse(Json.Root(
            $$$"""{"instanceId":"i","productInfo":{"productId":"p","skuCode":"s","productName":"{{{name}}}"}}""")).Error);
    }
}
