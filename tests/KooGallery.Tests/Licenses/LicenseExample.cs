namespace Provisioning.KooGallery.Tests.Licenses;

/// <summary>The worked example of the License guide (license spec §A.2, §A.8).</summary>
internal static class LicenseExample
{
    public const string Key = "ISVKEY123";
    public const string AuthToken = "6U6gMIXwhqbNrnfaHoj2YYkFrYQaUTvdSCIv6JgDuXc=";
    public const string InstanceId = "9b2f6f3e-1c1d-4c51-9d1e-2a7d5e0b1a11";
    public const string ResponseBody = """{"resultCode":"000000","resultMsg":"success.","instanceId":"9b2f6f3e-1c1d-4c51-9d1e-2a7d5e0b1a11","license":"LIC-CONTENT-XYZ"}""";
    public const string BodySignature = "sJKhLwPvDa2G6E8Mc3MRzLmMYfDEvRHKRmV1BSQuplg=";

    /// <summary>The example request's parameters, URL-decoded, without its authToken.</summary>
    public static Dictionary<string, string> Parameters() => new()
    {
        ["activity"] = "getLicense",
        ["businessId"] = InstanceId,
        ["customerId"] = "68805512345678901234567890abcdef",
        ["customerName"] = "demo_user",
        ["orderId"] = "CS2403171442ABCDE",
        ["productId"] = "00301-123456-0--0",
        ["skuCode"] = "a63ee5c9-4f86-11ed-9f95-fa163e8cb3b2",
        ["timeStamp"] = "20240317144237123",
    };
}
