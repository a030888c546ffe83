using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Provisioning.Grains;
using Provisioning.Grains.Instances;
using Provisioning.Infrastructure.SellerApplication;
using StandardWebhooks;

namespace Provisioning.Infrastructure.Tests.SellerApplication;

public sealed class SellerApplicationProvisionerTests
{
    private static readonly string Secret = "whsec_" + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));

    private static readonly TenantOrder Order = new("i-7", Traffic.Live, "CS7", "CS7-000001", "cust-7",
        new Plan("p-7", "sku-7", ChargingMode.Periodic, new Quantities(3, null, null), "month", 1), Trial: false, ExpiresAt: null);

    private static SellerApplicationProvisioner Provisioner(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> application) =>
        new(new HttpClient(new Application(application)), Options.Create(new SellerApplicationOptions
        {
            ProvisioningUrl = new Uri("https://app.example.com/hooks/provision"),
            SigningSecret = Secret,
            RequestTimeout = TimeSpan.FromMilliseconds(200),
        }), TimeProvider.System);

    [Fact]
    public async Task The_request_is_signed_and_carries_the_instances_webhook_id()
    {
        HttpRequestMessage? sent = null;
        string? body = null;
        var provisioner = Provisioner(async (request, ct) =>
        {
            (sent, body) = (request, await request.Content!.ReadAsStringAsync(ct));
            return new HttpResponseMessage(HttpStatusCode.Created) { Content = new StringContent("""{"userName":"owner"}""") };
        });

        var tenant = await provisioner.CreateTenantAsync(Order, CancellationToken.None);

        Assert.Equal(new ProvisionedTenant(null, null, "owner", null), tenant);
        Assert.Equal(new Uri("https://app.example.com/hooks/provision"), sent!.RequestUri);
        var headers = new HeaderDictionary(sent.Headers.ToDictionary(h => h.Key, h => new Microsoft.Extensions.Primitives.StringValues([.. h.Value])));
        Assert.Equal("provision_i-7", headers["webhook-id"]);
        new StandardWebhook(Secret).Verify(body!, headers);
    }

    [Fact]
    public async Task A_refusal_a_timeout_and_a_dropped_connection_each_say_why_the_tenant_is_not_created()
    {
        var refused = Provisioner((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)));
        var silent = Provisioner(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        var dropped = Provisioner((_, _) => throw new HttpRequestException("An error occurred while sending the request."));

        Assert.Equal("it answered HTTP 503", (await Assert.ThrowsAsync<ProvisioningHookException>(() => refused.CreateTenantAsync(Order, CancellationToken.None))).Message);
        Assert.Equal("it did not answer within 0.2 s", (await Assert.ThrowsAsync<ProvisioningHookException>(() => silent.CreateTenantAsync(Order, CancellationToken.None))).Message);
        Assert.Equal("the request failed: An error occurred while sending the request.",
            (await Assert.ThrowsAsync<ProvisioningHookException>(() => dropped.CreateTenantAsync(Order, CancellationToken.None))).Message);
    }

    private sealed class Application(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => answer(request, cancellationToken);
    }
}
