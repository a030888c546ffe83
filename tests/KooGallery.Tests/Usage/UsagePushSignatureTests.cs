using System.Text;
using Provisioning.KooGallery.Usage;

namespace Provisioning.KooGallery.Tests.Usage;

public class UsagePushSignatureTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(UsageExample.Body);

    [Fact]
    public void The_kit_example_signature_is_reproduced()
    {
        Assert.Equal(UsageExample.Signature, UsagePushSignature.Compute(UsageExample.Key, UsageExample.Ts, UsageExample.Nonce, Body));
    }

    [Fact]
    public void The_kit_example_body_is_what_the_example_record_serializes_to()
    {
        Assert.Equal(UsageExample.Body, Encoding.UTF8.GetString(UsagePushBody.Serialize([UsageExample.Record()], UsagePushVersion.New)));
    }

    [Fact]
    public void Verify_accepts_the_kit_example()
    {
        Assert.True(UsagePushSignature.Verify(UsageExample.Key, UsageExample.Ts, UsageExample.Nonce, Body, UsageExample.Signature));
    }

    [Theory]
    [InlineData("AnotherKey", UsageExample.Ts, UsageExample.Nonce)]
    [InlineData(UsageExample.Key, "1709690865880", UsageExample.Nonce)]
    [InlineData(UsageExample.Key, UsageExample.Ts, "6c63c221-1f6b-4141-8ff4-22f5dfe82b66")]
    public void Verify_refuses_another_key_ts_or_nonce(string key, string ts, string nonce)
    {
        Assert.False(UsagePushSignature.Verify(key, ts, nonce, Body, UsageExample.Signature));
    }

    [Fact]
    public void Verify_refuses_a_body_differing_in_one_byte()
    {
        var body = Encoding.UTF8.GetBytes(UsageExample.Body.Replace("\"99\"", "\"98\"", StringComparison.Ordinal));

        Assert.False(UsagePushSignature.Verify(UsageExample.Key, UsageExample.Ts, UsageExample.Nonce, body, UsageExample.Signature));
    }
}
