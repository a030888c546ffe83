using Provisioning.KooGallery.V1;

namespace Provisioning.KooGallery.Tests.Wire;

public class ParsedTests
{
    [Fact]
    public void A_valid_request_carries_no_error()
    {
        var request = new V1ExpireInstanceRequest("i", "o");

        var parsed = Parsed<V1ExpireInstanceRequest>.Valid(request);

        Assert.Same(request, parsed.Request);
        Assert.Null(parsed.Error);
    }

    [Fact]
    public void An_invalid_request_carries_only_its_error()
    {
        var parsed = Parsed<V1ExpireInstanceRequest>.Invalid("orderId is missing");

        Assert.Null(parsed.Request);
        Assert.Equal("orderId is missing", parsed.Error);
    }

    [Fact]
    public void A_reader_with_an_error_makes_the_request_invalid()
    {
        var parsed = V1ExpireInstanceRequest.Parse(new Dictionary<string, string> { ["instanceId"] = "i" });

        Assert.Equal(Parsed<V1ExpireInstanceRequest>.Invalid("orderId is missing"), parsed);
    }
}
