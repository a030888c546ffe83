using System.Net;
using System.Net.Sockets;
using Provisioning.KooGallery.OpenApi;

namespace Provisioning.KooGallery.Tests.OpenApi;

public class FallbackHostHandlerTests
{
    private static readonly Uri Primary = new("https://mkt.myhuaweicloud.com/");
    private static readonly Uri Fallback = new("https://mkt.myhuaweicloud.cn/");

    [Fact]
    public async Task A_socket_error_moves_the_request_and_its_host_header_to_the_fallback()
    {
        var marketplace = new FakeMarketplace(
            (_, _) => Task.FromException<HttpResponseMessage>(new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused))),
            FakeMarketplace.Answer(HttpStatusCode.OK, "{}"));
        using var client = new HttpMessageInvoker(new FallbackHostHandler(Primary, Fallback) { InnerHandler = marketplace });
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://mkt.myhuaweicloud.com/api/q?orderId=O");
        request.Headers.Host = "mkt.myhuaweicloud.com";

        using var response = await client.SendAsync(request, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("https://mkt.myhuaweicloud.cn/api/q?orderId=O", marketplace.Requests[1].Uri.AbsoluteUri);
        Assert.False(marketplace.Requests[1].Headers.ContainsKey("Host"));
    }

    [Theory]
    [InlineData(HttpRequestError.ResponseEnded)]
    [InlineData(HttpRequestError.InvalidResponse)]
    [InlineData(HttpRequestError.Unknown)]
    public async Task A_failure_after_connecting_is_not_sent_again(HttpRequestError error)
    {
        var marketplace = new FakeMarketplace(FakeMarketplace.Unreachable(error));
        using var client = new HttpMessageInvoker(new FallbackHostHandler(Primary, Fallback) { InnerHandler = marketplace });
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://mkt.myhuaweicloud.com/api/q");

        await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(request, CancellationToken.None));

        Assert.Single(marketplace.Requests);
    }

    [Theory]
    [InlineData("https://other.example.com/api/q")]
    [InlineData("http://mkt.myhuaweicloud.com/api/q")]
    public async Task A_request_to_another_host_is_not_moved(string uri)
    {
        var marketplace = new FakeMarketplace(FakeMarketplace.Unreachable());
        using var client = new HttpMessageInvoker(new FallbackHostHandler(Primary, Fallback) { InnerHandler = marketplace });
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(request, CancellationToken.None));

        Assert.Single(marketplace.Requests);
    }
}
