using Provisioning.KooGallery;

namespace Provisioning.Bench;

/// <summary>The marketplace's side of the benchmarks: the gateway's keys, and V1 calls signed with its Key.</summary>
internal static class BenchMarketplace
{
    private const string Key = "bench-seller-key";

    /// <summary>The production-interface keys the benchmarked gateway is started with.</summary>
    public static Dictionary<string, string> GatewayKeys() => new()
    {
        ["KooGallery:Key"] = Key,
        ["KooGallery:AccessKey"] = "bench-v2-access-key",
        ["KooGallery:KitAccessKey"] = "bench-kit-access-key",
    };

    /// <summary>A signed V1 newInstance; <paramref name="chargingMode"/> "1" is periodic, "0" pay-per-use.</summary>
    public static string NewInstanceUrl(string orderId, string chargingMode = "1") => Signed(new Dictionary<string, string>
    {
        ["activity"] = "newInstance",
        ["businessId"] = orderId,
        ["orderId"] = orderId,
        ["customerId"] = "68cbc86abc2018ab880d92f36422fa0e",
        ["customerName"] = "bench",
        ["productId"] = "00301-666666-0--0",
        ["skuCode"] = "c1a2b3c4-d5e6-7890-abcd-ef1234567890",
        ["chargingMode"] = chargingMode,
        ["expireTime"] = "20300101000000",
        ["periodType"] = "month",
        ["periodNumber"] = "1",
    });

    public static string QueryUrl(IEnumerable<string> ids) =>
        Signed(new Dictionary<string, string> { ["activity"] = "queryInstance", ["instanceId"] = string.Join(",", ids) });

    /// <summary>Opens an instance and answers its id.</summary>
    public static async Task<string> OpenAsync(HttpClient http, string orderId, string chargingMode = "1")
    {
        var body = await http.GetStringAsync(NewInstanceUrl(orderId, chargingMode));
        var start = body.IndexOf("\"instanceId\":\"", StringComparison.Ordinal) + 14;
        return body[start..body.IndexOf('"', start)];
    }

    private static string Signed(Dictionary<string, string> parameters)
    {
        parameters["timeStamp"] = KooGalleryTime.FormatMillis(DateTimeOffset.UtcNow);
        parameters["authToken"] = AuthToken.Compute(parameters, Key);
        return "/koogallery?" + string.Join("&", parameters.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
    }
}
