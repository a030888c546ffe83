using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Provisioning.Grains;
using Provisioning.Grains.Instances;
using Provisioning.KooGallery;
using Provisioning.Testing;

namespace Provisioning.Gateway.Tests.KooGallery.V1;

public sealed class V1AppInfoLimitTests(V1AppInfoLimitTests.CustomerNameGateway gateway) : IClassFixture<V1AppInfoLimitTests.CustomerNameGateway>
{
    /// <summary>A gateway whose login URL and user name are filled in with the buyer's name.</summary>
    public sealed class CustomerNameGateway : GatewayFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
        {
            ["Provisioning:Access:FrontEndUrl"] = "https://saas.example.com/{customerName}/login?instance={instanceId}",
            ["Provisioning:Access:UserName"] = "{customerName}-admin",
        };
    }

    private readonly V1Client _marketplace = new(gateway.CreateClient());

    // 64 characters, the longest customerName V1 sends: 576 characters escaped in a URL, 192 UTF-8 bytes.
    private static readonly string LongCustomerName = new('云', 64);

    [Fact]
    public async Task A_customer_name_too_long_for_the_templates_is_refused_naming_each_field_on_every_repeat()
    {
        var order = V1Orders.NewInstance(V1Orders.NewOrderId())
            .Select(p => p.Item1 == "customerName" ? (p.Item1, LongCustomerName) : p)
            .ToArray();

        var first = await _marketplace.Call("newInstance", order);
        var repeat = await _marketplace.Call("newInstance", order);

        Assert.All([first, repeat], answer =>
        {
            Assert.Equal(ResultCodes.InvalidParameter, answer.ResultCode);
            Assert.Contains("appInfo.frontEndUrl is 653 characters, over the limit of 512", answer.ResultMsg);
            Assert.Contains("appInfo.userName is 198 UTF-8 bytes, over the limit of 79", answer.ResultMsg);
            Assert.Null(answer["appInfo"]);
        });
        var query = await _marketplace.Call("queryInstance", ("instanceId", first["instanceId"]!));
        Assert.Equal(ResultCodes.Success, query.ResultCode);
        Assert.Empty(query.Json.GetProperty("info").EnumerateArray());
    }

    [Fact]
    public async Task A_customer_name_that_fits_the_templates_opens()
    {
        var opened = await _marketplace.Call("newInstance", V1Orders.NewInstance(V1Orders.NewOrderId()));

        Assert.Equal(ResultCodes.Success, opened.ResultCode);
        Assert.StartsWith("https://saas.example.com/testName/login?instance=", opened.Json.GetProperty("appInfo").GetProperty("frontEndUrl").GetString());
    }

    [Fact]
    public async Task An_instance_stored_with_oversize_access_before_values_were_checked_answers_a_clear_error_on_every_repeat()
    {
        var orderId = V1Orders.NewOrderId();
        var instanceId = InstanceIds.Derive(OrderKey.ForOrder(orderId), Traffic.Live);
        await StoreOpened(instanceId, orderId, new InstanceAccess("https://saas.example.com/login", null, new string('x', 100), "S3cret!pass", null));

        SignedAnswer[] answers =
        [
            await _marketplace.Call("newInstance", V1Orders.NewInstance(orderId)),
            await _marketplace.Call("newInstance", V1Orders.NewInstance(orderId)),
            await _marketplace.Call("queryInstance", ("instanceId", instanceId)),
            await _marketplace.Call("queryInstance", ("instanceId", instanceId)),
        ];

        Assert.All(answers, answer =>
        {
            Assert.Equal(ResultCodes.InvalidParameter, answer.ResultCode);
            Assert.Equal($"instance {instanceId} holds access the marketplace cannot be sent: appInfo.userName is 100 UTF-8 bytes, over the limit of 79", answer.ResultMsg);
        });
    }

    // What an open wrote before rendered values were checked.
    private async Task StoreOpened(string instanceId, string orderId, InstanceAccess access)
    {
        var state = new SaasInstanceState
        {
            Status = InstanceStatus.Active,
            OrderId = orderId,
            Buyer = new Buyer("68cbc86abc2018ab880d92f36422fa0e", "testName", null, null, null, null),
            Plan = new Plan("00301-666666-0--0", "sku-basic", ChargingMode.Periodic, new Quantities(null, null, null), "month", 1),
            ExpiresAt = new DateTimeOffset(2027, 1, 31, 23, 59, 59, TimeSpan.Zero),
            ExtendParams = ImmutableDictionary<string, string>.Empty,
            Access = access,
            OpenedAt = DateTimeOffset.UtcNow,
        };
        var storage = gateway.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Grains);
        var grainId = GrainId.Create("saas-instance", new InstanceAddress(instanceId, Traffic.Live).GrainKey);
        await storage.WriteStateAsync("saas-instance", grainId, new GrainState<SaasInstanceState>(state));
    }
}
