using Provisioning.Marketplace.OpenApi;

namespace Provisioning.Testing;

/// <summary>
/// The fake KooGallery open API as test gateways call it: the AK/SK they share, late answers held no longer than a test needs, and
/// any <c>X-Sdk-Date</c> taken, since metering tests move the gateway's clock hours or days ahead.
/// </summary>
public static class TestOpenApi
{
    public const string AccessKeyId = "EXAMPLEAKEXAMPLEAK00";
    public const string SecretAccessKey = "example-secret-key";

    /// <summary>Starts the fake on a free loopback port; usage pushes are signed with <paramref name="accessKey"/>.</summary>
    public static Task<FakeOpenApi> StartAsync(string accessKey = GatewayFactory.AccessKey, Action<string>? log = null) =>
        FakeOpenApi.StartAsync(new FakeOpenApiOptions(0, AccessKeyId, SecretAccessKey, accessKey) { TimeoutHold = TimeSpan.FromSeconds(2), SdkDateTolerance = TimeSpan.MaxValue }, log);
}
