using Microsoft.Extensions.DependencyInjection;
using Provisioning.Grains;
using Provisioning.Grains.Instances;
using Provisioning.KooGallery;
using Provisioning.Marketplace.OpenApi;
using Provisioning.Testing;

namespace Provisioning.Gateway.Tests.KooGallery.V2;

/// <summary>V2 provisioning through the real order query client, signed with AK/SK, against a simulated KooGallery API.</summary>
public sealed class V2OrderApiTests : IAsyncLifetime
{
    private FakeOpenApi _api = null!;
    private OrderApiGateway _gateway = null!;

    private sealed class OrderApiGateway(string apiBaseUrl) : GatewayFactory
    {
        protected override bool ScriptsOrders => false;

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
        {
            ["KooGallery:OpenApi:BaseUrl"] = apiBaseUrl,
            ["KooGallery:OpenApi:FallbackBaseUrl"] = "",
            ["KooGallery:OpenApi:AccessKeyId"] = TestOpenApi.AccessKeyId,
            ["KooGallery:OpenApi:SecretAccessKey"] = TestOpenApi.SecretAccessKey,
            ["KooGallery:ProvisioningBudget"] = "00:00:01",
        };
    }

    public async Task InitializeAsync()
    {
        _api = await TestOpenApi.StartAsync();
        _gateway = new OrderApiGateway(_api.BaseUrl.ToString());
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _api.DisposeAsync();
    }

    private static (string, object?)[] Line(string orderId) => [("businessId", "b-1"), ("orderId", orderId), ("orderLineId", orderId + "-000001")];

    /// <summary>One periodic order line, in the shape of the spec's example.</summary>
    private static OrderScript Order(string orderId, string sku = "sku-from-api", int linearValue = 10) =>
        new(OrderScript.Period, [orderId + "-000001"], "00301-123456-0--0", sku, linearValue,
            ExpireTime: new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), CustomerId: $"cust-{orderId}");

    [Fact]
    public async Task NewInstance_opens_what_the_signed_order_query_returned()
    {
        var orderId = V1Orders.NewOrderId();
        _api.Orders.Script(orderId, Order(orderId, sku: "sku-gold", linearValue: 25));

        var opened = await new V2Client(_gateway.CreateClient()).Call("newInstance", Line(orderId));

        Assert.Equal(ResultCodes.Success, opened.ResultCode);
        var stored = await _gateway.Services.GetRequiredService<IGrainFactory>().GetInstance(new InstanceAddress(opened["instanceId"]!, Traffic.Live)).Get();
        Assert.Equal("sku-gold", stored!.Plan!.SkuCode);
        Assert.Equal(25, stored.Plan.Quantities.Amount);
        Assert.Equal(ChargingMode.Periodic, stored.Plan.ChargingMode);
        Assert.Equal($"cust-{orderId}", stored.Buyer!.CustomerId);
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), stored.ExpiresAt);
        Assert.Equal(new OrderTrace(Queries: 1, BadSignatures: 0), _api.Orders.Trace(orderId));
    }

    [Fact]
    public async Task A_slow_order_query_answers_000004_and_the_instance_opens_when_it_arrives()
    {
        var orderId = V1Orders.NewOrderId();
        var release = new TaskCompletionSource();
        _api.Orders.Script(orderId, Order(orderId), release.Task);
        var marketplace = new V2Client(_gateway.CreateClient());

        var accepted = await marketplace.Call("newInstance", Line(orderId));
        Assert.Equal(ResultCodes.InProgress, accepted.ResultCode);

        release.SetResult();
        SignedAnswer polled;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        do
        {
            await Task.Delay(100);
            polled = await marketplace.Call("queryInstance", ("instanceId", accepted["instanceId"]));
        }
        while (polled.ResultCode == ResultCodes.InProgress && DateTime.UtcNow < deadline);

        Assert.Equal(ResultCodes.Success, polled.ResultCode);
        Assert.Single(polled.Json.GetProperty("info").EnumerateArray());
    }

    [Fact]
    public async Task An_order_the_api_refuses_keeps_the_instance_provisioning_and_says_why()
    {
        var orderId = V1Orders.NewOrderId();
        var marketplace = new V2Client(_gateway.CreateClient());

        // The marketplace re-sends newInstance while it waits; each answer reports the last failed attempt once there is one.
        SignedAnswer answer;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        do
        {
            answer = await marketplace.Call("newInstance", Line(orderId));
        }
        while (!answer.ResultMsg.Contains("MKT.9001") && DateTime.UtcNow < deadline);

        Assert.Equal(ResultCodes.InProgress, answer.ResultCode);
        Assert.Contains("MKT.9001", answer.ResultMsg);
        Assert.DoesNotContain(TestOpenApi.SecretAccessKey, answer.ResultMsg);
    }
}
