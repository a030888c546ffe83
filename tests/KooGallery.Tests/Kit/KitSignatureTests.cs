using System.Text;
using Provisioning.KooGallery.Kit;

namespace Provisioning.KooGallery.Tests.Kit;

public class KitSignatureTests
{
    // Kit spec §2.3 worked vector.
    private const string TenantNonce = "50D83FDECAED6CCD8EF597F2A577950527928BA287D04E6036E92B2806FD17DA";
    private const string TenantTimestamp = "1680508066618";
    private const string TenantSign = "8b260159912c00ce2c1282b5bd7d6ab1a7487d2dacd265a22c45cc9210edd0cf";

    // Kit spec §A.3 V2 authSync vector.
    private const string AuthNonce = "9F2C1B7A5E3D4C6B8A0F1E2D3C4B5A69";
    private const string AuthTimestamp = "1710486690123";
    private const string AuthSign = "EC4F1346DFDCE2BE1E8858E2E67F50177803BE288B8D4928E02824DAAC69146B";

    [Fact]
    public void The_header_names_are_exact()
    {
        Assert.Equal("x-sign", KitSignature.SignHeader);
        Assert.Equal("x-timestamp", KitSignature.TimestampHeader);
        Assert.Equal("x-nonce", KitSignature.NonceHeader);
    }

    [Fact]
    public void The_spec_vector_is_exact_and_lowercase()
    {
        Assert.Equal(TenantSign, KitSignature.Compute(KitExample.TenantSyncV2, KitExample.AccessKey, TenantNonce, TenantTimestamp));
    }

    [Fact]
    public void The_authSync_vector_is_exact()
    {
        Assert.Equal(AuthSign.ToLowerInvariant(), KitSignature.Compute(KitExample.AuthSyncV2, KitExample.AccessKey, AuthNonce, AuthTimestamp));
    }

    [Fact]
    public void The_spec_vector_verifies_over_the_raw_body()
    {
        Assert.True(Verify(TenantSign, KitExample.TenantSyncV2, TenantNonce, TenantTimestamp));
    }

    [Fact]
    public void The_uppercase_authSync_vector_verifies()
    {
        Assert.True(Verify(AuthSign, KitExample.AuthSyncV2, AuthNonce, AuthTimestamp));
    }

    [Fact]
    public void The_sorted_payloads_of_the_examples_are_their_own_canonical_form()
    {
        Assert.Equal(KitExample.TenantSyncV2, KitSignature.CanonicalPayload(KitExample.Root(KitExample.TenantSyncV2)));
        Assert.Equal(KitExample.AuthSyncV2, KitSignature.CanonicalPayload(KitExample.Root(KitExample.AuthSyncV2)));
    }

    [Fact]
    public void A_body_sent_unsorted_with_a_null_property_verifies_through_its_canonical_payload()
    {
        const string unsorted =
            """{ "tenantId": "68cbc86abc0123456789880d92f36422fa0e", "instanceId": "huaiweitest123456", "orderId": "CS1906666666ABCDE", "tenantCode": "huawei", "name": "huaiweitest", "extra": null, "domainName": "https://example.tenantaccount.com", "flag": 1, "testFlag": 0, "timeStamp": "20220413093539534" }""";

        Assert.Equal(KitExample.TenantSyncV2, KitSignature.CanonicalPayload(KitExample.Root(unsorted)));
        Assert.True(Verify(TenantSign, unsorted, TenantNonce, TenantTimestamp));
    }

    [Fact]
    public void The_canonical_payload_keeps_nested_order_raw_numbers_non_ascii_and_slashes()
    {
        const string body = """{"z":{"b":1,"a":[2.50,{"y":null,"x":"/"}]},"a":"部门/R&D <1>","n":1.0e3,"m":null,"t":true}""";

        Assert.Equal(
            """{"a":"部门/R&D <1>","n":1.0e3,"t":true,"z":{"b":1,"a":[2.50,{"y":null,"x":"/"}]}}""",
            KitSignature.CanonicalPayload(KitExample.Root(body)));
    }

    [Fact]
    public void The_canonical_payload_escapes_quotes_backslashes_and_control_characters()
    {
        Assert.Equal(
            """{"a\t":"q\"b\\c\nd\b\f\r\u0001\u001F"}""",
            KitSignature.CanonicalPayload(KitExample.Root("""{"a\u0009":"q\"b\\c\u000ad\u0008\u000c\u000d\u0001\u001f"}""")));
    }

    [Fact]
    public void The_canonical_payload_writes_characters_beyond_the_basic_plane_raw()
    {
        Assert.Equal("{\"a\":\"😀\u007f\"}", KitSignature.CanonicalPayload(KitExample.Root("{\"a\":\"\\ud83d\\ude00\u007f\"}")));
    }

    [Fact]
    public void A_tampered_body_fails_both_forms()
    {
        var tampered = KitExample.TenantSyncV2.Replace("\"flag\":1", "\"flag\":0", StringComparison.Ordinal);

        Assert.False(Verify(TenantSign, tampered, TenantNonce, TenantTimestamp));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("8b260159912c00ce2c1282b5bd7d6ab1a7487d2dacd265a22c45cc9210edd0c")]
    [InlineData("8b260159912c00ce2c1282b5bd7d6ab1a7487d2dacd265a22c45cc9210edd0cg")]
    [InlineData("8b260159912c00ce2c1282b5bd7d6ab1a7487d2dacd265a22c45cc9210edd0ce")]
    [InlineData(" 8b260159912c00ce2c1282b5bd7d6ab1a7487d2dacd265a22c45cc9210edd0cf")]
    public void A_wrong_signature_is_refused(string? sign)
    {
        Assert.False(Verify(sign, KitExample.TenantSyncV2, TenantNonce, TenantTimestamp));
    }

    [Fact]
    public void Another_nonce_timestamp_or_key_is_refused()
    {
        var body = KitExample.TenantSyncV2;
        var root = KitExample.Root(body);
        var raw = Encoding.UTF8.GetBytes(body);

        Assert.False(KitSignature.Verify(TenantSign, raw, root, KitExample.AccessKey, AuthNonce, TenantTimestamp));
        Assert.False(KitSignature.Verify(TenantSign, raw, root, KitExample.AccessKey, TenantNonce, AuthTimestamp));
        Assert.False(KitSignature.Verify(TenantSign, raw, root, "OtherAccessKey", TenantNonce, TenantTimestamp));
    }

    [Fact]
    public void The_x_timestamp_is_read_as_unix_milliseconds()
    {
        Assert.True(V2Signature.TryParseTimestamp(TenantTimestamp, out var time));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1680508066618), time);
    }

    private static bool Verify(string? sign, string body, string nonce, string timestamp) =>
        KitSignature.Verify(sign, Encoding.UTF8.GetBytes(body), KitExample.Root(body), KitExample.AccessKey, nonce, timestamp);
}
