using System.Text;

namespace Provisioning.KooGallery.Tests.Signing;

public class V2SignatureTests
{
    // saas §3.4 worked example.
    private const string Nonce = "5d1d4c3e9f7a4b2c8e6f0a1b2c3d4e5f";
    private const string Timestamp = "1735718400123";
    private const string ExampleSignature = "26CBEF9DCB84CE1DBD383897788B9B7DB18C442088467B72307AE87C36FB8082";

    private static readonly byte[] ExampleBody = Encoding.UTF8.GetBytes(
        """{"activity":"newInstance","businessId":"61e834ba-7b97-4418-b8f7-e5345137278c","orderId":"CS1906666666ABCDE","orderLineId":"CS1906666666ABCDE-000001","testFlag":"1"}""");

    // license §B.3.1 test vector.
    private const string LicenseKey = "ISVKEY123";
    private const string LicenseNonce = "RLLUammMSInlrNWb";
    private const string LicenseTimestamp = "1710686557123";

    private static readonly byte[] LicenseBody = Encoding.UTF8.GetBytes(
        """{"activity":"refreshLicenseCode","expireTime":"20250523201932","license":"PL12345678","orderId":"CS2403171442FGHIJ","orderLineId":"CS2403171442FGHIJ-000001","scene":"RENEWAL","testFlag":"1"}""");

    [Fact]
    public void The_spec_example_body_hash_is_exact()
    {
        Assert.Equal("253ebda7256dc856b6b59c3a28eb609433b31cc71328eb1eb74450da9ba12640", V2Signature.BodyHash(ExampleBody, SpecExample.Key));
    }

    [Fact]
    public void The_spec_example_canonical_request_is_the_plain_concatenation()
    {
        Assert.Equal(
            "MyAccessKey-1234567890" + Nonce + Timestamp + "253ebda7256dc856b6b59c3a28eb609433b31cc71328eb1eb74450da9ba12640",
            V2Signature.CanonicalRequest(SpecExample.Key, Nonce, Timestamp, V2Signature.BodyHash(ExampleBody, SpecExample.Key)));
    }

    [Fact]
    public void The_spec_example_signature_is_exact_and_uppercase()
    {
        Assert.Equal(ExampleSignature, V2Signature.Compute(ExampleBody, SpecExample.Key, Nonce, Timestamp));
    }

    [Fact]
    public void The_license_vector_inner_hash_is_exact()
    {
        Assert.Equal("1b394f5302753e8cbfdcc5132e4890768323893d08f48b974736fc543fc4c722", V2Signature.BodyHash(LicenseBody, LicenseKey));
    }

    [Fact]
    public void The_license_vector_canonical_request_is_exact()
    {
        Assert.Equal(
            "ISVKEY123RLLUammMSInlrNWb17106865571231b394f5302753e8cbfdcc5132e4890768323893d08f48b974736fc543fc4c722",
            V2Signature.CanonicalRequest(LicenseKey, LicenseNonce, LicenseTimestamp, V2Signature.BodyHash(LicenseBody, LicenseKey)));
    }

    [Fact]
    public void The_license_vector_signature_is_exact()
    {
        Assert.Equal(
            "6037736508D25665901ACE68481B7428E7BD1BB8BE3EA5BEB5F3D73E1A23427C",
            V2Signature.Compute(LicenseBody, LicenseKey, LicenseNonce, LicenseTimestamp));
    }

    [Fact]
    public void The_plain_body_hash_fallback_gives_the_spec_value()
    {
        Assert.Equal(
            "9517DB10DBB10B43277AF0F3DBD4D2E56376A45017DC94970F8290D0E217AE22",
            V2Signature.ComputeWithPlainBodyHash(ExampleBody, SpecExample.Key, Nonce, Timestamp));
    }

    [Fact]
    public void The_plain_body_hash_fallback_verifies_only_its_own_signature()
    {
        const string fallback = "9517DB10DBB10B43277AF0F3DBD4D2E56376A45017DC94970F8290D0E217AE22";

        Assert.True(V2Signature.VerifyWithPlainBodyHash(fallback, ExampleBody, SpecExample.Key, Nonce, Timestamp));
        Assert.False(V2Signature.VerifyWithPlainBodyHash(ExampleSignature, ExampleBody, SpecExample.Key, Nonce, Timestamp));
        Assert.False(V2Signature.Verify(fallback, ExampleBody, SpecExample.Key, Nonce, Timestamp));
    }

    [Theory]
    [InlineData(ExampleSignature)]
    [InlineData("26cbef9dcb84ce1dbd383897788b9b7db18c442088467b72307ae87c36fb8082")]
    [InlineData("26cBeF9DCB84CE1DBD383897788B9B7DB18C442088467B72307AE87C36FB8082")]
    public void The_spec_example_verifies_in_any_hex_case(string signature)
    {
        Assert.True(V2Signature.Verify(signature, ExampleBody, SpecExample.Key, Nonce, Timestamp));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("26CBEF9DCB84CE1DBD383897788B9B7DB18C442088467B72307AE87C36FB808")]
    [InlineData("26CBEF9DCB84CE1DBD383897788B9B7DB18C442088467B72307AE87C36FB80820")]
    [InlineData("26CBEF9DCB84CE1DBD383897788B9B7DB18C442088467B72307AE87C36FB8083")]
    [InlineData("G6CBEF9DCB84CE1DBD383897788B9B7DB18C442088467B72307AE87C36FB8082")]
    [InlineData(" 26CBEF9DCB84CE1DBD383897788B9B7DB18C442088467B72307AE87C36FB808")]
    [InlineData("JsvvnHyEzh29ODiXeIubfbGMQiCIRnty MHrofDb7gII=")]
    public void A_missing_malformed_or_wrong_signature_fails_verification(string? signature)
    {
        Assert.False(V2Signature.Verify(signature, ExampleBody, SpecExample.Key, Nonce, Timestamp));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(80)]
    [InlineData(161)]
    public void A_one_byte_change_in_the_body_fails_verification(int index)
    {
        var body = (byte[])ExampleBody.Clone();
        body[index] ^= 0x01;

        Assert.False(V2Signature.Verify(ExampleSignature, body, SpecExample.Key, Nonce, Timestamp));
    }

    [Fact]
    public void The_same_json_with_other_whitespace_fails_verification()
    {
        var spaced = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(ExampleBody).Replace(",", ", "));

        Assert.False(V2Signature.Verify(ExampleSignature, spaced, SpecExample.Key, Nonce, Timestamp));
    }

    [Theory]
    [InlineData("MyAccessKey-1234567891", Nonce, Timestamp)]
    [InlineData("MyAccessKey-1234567890", "5d1d4c3e9f7a4b2c8e6f0a1b2c3d4e5e", Timestamp)]
    [InlineData("MyAccessKey-1234567890", Nonce, "1735718400124")]
    [InlineData("MyAccessKey-1234567890", Nonce, "1735718400")]
    public void A_wrong_key_nonce_or_timestamp_fails_verification(string key, string nonce, string timestamp)
    {
        Assert.False(V2Signature.Verify(ExampleSignature, ExampleBody, key, nonce, timestamp));
    }

    [Fact]
    public void The_query_parameter_names_are_exact()
    {
        Assert.Equal(("signature", "timestamp", "nonce"),
            (V2Signature.SignatureParameter, V2Signature.TimestampParameter, V2Signature.NonceParameter));
    }

    [Theory]
    [InlineData("1735718400123", "2025-01-01T08:00:00.123Z")]
    [InlineData("1680509885590", "2023-04-03T08:18:05.590Z")]
    [InlineData("1735718400", "2025-01-01T08:00:00Z")]
    [InlineData("0", "1970-01-01T00:00:00Z")]
    [InlineData("100000000000", "5138-11-16T09:46:40Z")]
    [InlineData("100000000001", "1973-03-03T09:46:40.001Z")]
    [InlineData("0001735718400123", "2025-01-01T08:00:00.123Z")]
    [InlineData("253402300799999", "9999-12-31T23:59:59.999Z")]
    public void A_timestamp_above_10_to_the_11_is_milliseconds_and_below_is_seconds(string value, string expected)
    {
        Assert.True(V2Signature.TryParseTimestamp(value, out var time));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), time);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-1735718400123")]
    [InlineData("+1735718400123")]
    [InlineData(" 1735718400123")]
    [InlineData("1735718400123 ")]
    [InlineData("1735718400.123")]
    [InlineData("1,735,718,400,123")]
    [InlineData("0x1735718400")]
    [InlineData("１７３５７１８４００")]
    [InlineData("20250101080000123")]
    [InlineData("253402300800000")]
    [InlineData("9223372036854775807")]
    [InlineData("9223372036854775808")]
    [InlineData("99999999999999999999999")]
    public void A_timestamp_that_is_not_plain_digits_of_a_representable_time_is_rejected(string? value)
    {
        Assert.False(V2Signature.TryParseTimestamp(value, out var time));
        Assert.Equal(default, time);
    }
}
