using System.Text;
using System.Text.Json;
using Provisioning.Grains;
using Provisioning.Grains.Instances;

namespace Provisioning.Infrastructure.SellerApplication;

/// <summary>
/// The body of the provisioning hook's POST: <c>{"type":"instance.provision","timestamp":…,"data":{…}}</c>, every key always
/// present (null when the order has no value). No buyer names, phone numbers or e-mail addresses.
/// </summary>
internal static class ProvisionRequestBody
{
    public const string Type = "instance.provision";

    public static string Write(TenantOrder order, DateTimeOffset timestamp)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", Type);
            json.WriteString("timestamp", timestamp.UtcDateTime);
            json.WriteStartObject("data");
            json.WriteString("instanceId", order.InstanceId);
            json.WriteBoolean("test", order.Traffic == Traffic.Test);
            json.WriteString("orderId", order.OrderId);
            json.WriteString("orderLineId", order.OrderLineId);
            json.WriteString("customerId", order.CustomerId);
            json.WriteString("productId", order.Plan.ProductId);
            json.WriteString("skuCode", order.Plan.SkuCode);
            json.WriteString("chargingMode", InstanceNames.Of(order.Plan.ChargingMode));
            Number(json, "amount", order.Plan.Quantities.Amount);
            json.WriteString("periodType", order.Plan.PeriodType);
            Number(json, "periodNumber", order.Plan.PeriodNumber);
            json.WriteBoolean("trial", order.Trial);
            if (order.ExpiresAt is { } expiresAt) json.WriteString("expiresAt", expiresAt.UtcDateTime);
            else json.WriteNull("expiresAt");
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Number(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v) json.WriteNumber(name, v);
        else json.WriteNull(name);
    }
}
