namespace Provisioning.Marketplace.OpenApi;

/// <summary>
/// What the fake KooGallery open API shares with the seller: the Huawei Cloud AK/SK that sign order queries and the V2 basic
/// access key that signs usage pushes; and where it listens (loopback only; port 0 picks a free one).
/// </summary>
public sealed record FakeOpenApiOptions(int Port, string AccessKeyId, string SecretAccessKey, string AccessKey)
{
    /// <summary>How long an injected usage-push timeout holds the answer back (the caller gives up long before).</summary>
    public TimeSpan TimeoutHold { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How far an <c>X-Sdk-Date</c> may be from the clock before the API gateway refuses the call (spec §C.2).</summary>
    public TimeSpan SdkDateTolerance { get; init; } = TimeSpan.FromMinutes(15);
}
