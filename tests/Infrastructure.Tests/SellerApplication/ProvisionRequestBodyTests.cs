using System.Text.Json;
using Provisioning.Grains;
using Provisioning.Grains.Instances;
using Provisioning.Infrastructure.SellerApplication;

namespace Provisioning.Infrastructure.Tests.SellerApplication;

public sealed class ProvisionRequestBodyTests
{
    [Fact]
    public void The_body_names_the_instance_and_what_was_bought_with_a_null_for_each_missing_value()
    {
        var order = new TenantOrder("i-1", Traffic.Test, "CS1", null, "cust-1",
            new Plan("p-1", "sku-1", ChargingMode.PayPerUsePackage, new Quantities(null, null, null), null, null), Trial: true, ExpiresAt: null);

        var body = JsonDocument.Parse(ProvisionRequestBody.Write(order, new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.FromHours(8)))).RootElement;

        Assert.Equal("instance.provision", body.GetProperty("type").GetString());
        Assert.Equal("2026-12-01T00:00:00Z", body.GetProperty("timestamp").GetString());
        var data = body.GetProperty("data");
        Assert.Equal(
            """{"instanceId":"i-1","test":true,"orderId":"CS1","orderLineId":null,"customerId":"cust-1","productId":"p-1","skuCode":"sku-1","chargingMode":"payPerUsePackage","amount":null,"periodType":null,"periodNumber":null,"trial":true,"expiresAt":null}""",
            data.GetRawText());
        Assert.Equal("provision_i-1", order.RequestId);
    }
}
