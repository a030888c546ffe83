using Provisioning.KooGallery.V2;

namespace Provisioning.KooGallery.Tests.V2;

public class V2NewInstanceRequestTests
{
    private const string Example =
        """{"activity":"newInstance","businessId":"61e834ba-7b97-4418-b8f7-e5345137278c","orderId":"CS1906666666ABCDE","orderLineId":"CS1906666666ABCDE-000001","testFlag":"1"}""";

    [Fact]
    public void The_spec_example_parses()
    {
        var parsed = V2NewInstanceRequest.Parse(Json.Root(Example));

        Assert.Null(parsed.Error);
        Assert.Equal(new V2NewInstanceRequest("CS1906666666ABCDE", "CS1906666666ABCDE-000001", "61e834ba-7b97-4418-b8f7-e5345137278c"), parsed.Request);
    }

    [Fact]
    public void The_fields_of_the_2022_draft_are_ignored()
    {
        const string draft = """
            {"activity":"newInstance","businessId":"b-1","orderId":"CS1","orderLineId":"CS1-000001","testFlag":"0",
             "buyerInfo":{"customerId":"c","mobilePhone":"enc"},
             "orderInfo":[{"businessId":"b-1","chargingMode":"PERIOD","productInfo":[{"skuCode":"s","productId":"p","linearValue":3}],
                           "extendParams":[{"name":"n","value":"v"}]}],
             "provisionType":1}
            """;

        Assert.Equal(new V2NewInstanceRequest("CS1", "CS1-000001", "b-1"), V2NewInstanceRequest.Parse(Json.Root(draft)).Request);
    }

    [Theory]
    [InlineData("""{"orderLineId":"L","businessId":"B"}""", "orderId is missing")]
    [InlineData("""{"orderId":"","orderLineId":"L","businessId":"B"}""", "orderId is missing")]
    [InlineData("""{"orderId":null,"orderLineId":"L","businessId":"B"}""", "orderId is missing")]
    [InlineData("""{"orderId":"O","businessId":"B"}""", "orderLineId is missing")]
    [InlineData("""{"orderId":"O","orderLineId":"L"}""", "businessId is missing")]
    [InlineData("""{"orderId":12345,"orderLineId":"L","businessId":"B"}""", "orderId is not a JSON string")]
    [InlineData("""{"orderId":"O","orderLineId":["L"],"businessId":"B"}""", "orderLineId is not a JSON string")]
    [InlineData("""{"orderId":"O","orderLineId":"L","businessId":{"id":"B"}}""", "businessId is not a JSON string")]
    [InlineData("""{"orderId":"O","orderLineId":"L","businessId":true}""", "businessId is not a JSON string")]
    [InlineData("""{}""", "orderId is missing")]
    public void A_missing_or_mistyped_field_is_named(string json, string expected)
    {
        var parsed = V2NewInstanceRequest.Parse(Json.Root(json));

        Assert.Null(parsed.Request);
        Assert.Equal(expected, parsed.Error);
    }

    [Theory]
    [InlineData("orderId")]
    [InlineData("orderLineId")]
    [InlineData("businessId")]
    public void Each_field_holds_at_most_64_characters(string field)
    {
        var fields = new Dictionary<string, string> { ["orderId"] = "O", ["orderLineId"] = "L", ["businessId"] = "B" };

        fields[field] = new string('x', 64);
        Assert.Null(V2NewInstanceRequest.Parse(Json.Root(JsonObject(fields))).Error);

        fields[field] = new string('x', 65);
        Assert.Equal($"{field} is longer than 64 characters", V2NewInstanceRequest.Parse(Json.Root(JsonObject(fields))).Error);
    }

    private static string JsonObject(Dictionary<string, string> fields) => System.Text.Json.JsonSerializer.Serialize(fields);
}
