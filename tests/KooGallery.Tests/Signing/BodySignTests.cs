using System.Text;

namespace Provisioning.KooGallery.Tests.Signing;

public class BodySignTests
{
    private const string ExampleSignature = "CWpqYAg4IjwYANSgf7VUyzq3qzKstwH+RHMLSV4VdZY=";
    private const string ExampleHeader = "sign_type=\"HMAC-SHA256\", signature= \"" + ExampleSignature + "\"";

    private static readonly byte[] ExampleBody = Encoding.UTF8.GetBytes(
        """{"resultCode":"000000","resultMsg":"success.","instanceId":"61e834ba-7b97-4418-b8f7-e5345137278c"}""");

    [Fact]
    public void The_spec_example_header_is_exact()
    {
        Assert.Equal(ExampleHeader, BodySign.Compute(ExampleBody, SpecExample.Key));
    }

    [Fact]
    public void The_header_name_is_exactly_Body_Sign()
    {
        Assert.Equal("Body-Sign", BodySign.HeaderName);
    }

    [Fact]
    public void The_spec_example_verifies()
    {
        Assert.True(BodySign.Verify(ExampleHeader, ExampleBody, SpecExample.Key));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(40)]
    [InlineData(97)]
    public void A_one_byte_change_in_the_body_fails_verification(int index)
    {
        var body = (byte[])ExampleBody.Clone();
        body[index] ^= 0x01;

        Assert.False(BodySign.Verify(ExampleHeader, body, SpecExample.Key));
    }

    [Fact]
    public void A_trailing_newline_is_part_of_the_signed_body()
    {
        byte[] body = [.. ExampleBody, (byte)'\n'];

        Assert.False(BodySign.Verify(ExampleHeader, body, SpecExample.Key));
        Assert.True(BodySign.Verify(BodySign.Compute(body, SpecExample.Key), body, SpecExample.Key));
    }

    [Fact]
    public void A_wrong_key_fails_verification()
    {
        Assert.False(BodySign.Verify(ExampleHeader, ExampleBody, "MyAccessKey-1234567891"));
    }

    [Fact]
    public void The_key_is_not_combined_with_a_timeStamp()
    {
        Assert.NotEqual(ExampleHeader, BodySign.Compute(ExampleBody, SpecExample.Key + "20250101080000123"));
    }

    [Theory]
    [InlineData("sign_type=\"HMAC-SHA256\",signature=\"{0}\"")]
    [InlineData("  sign_type = \"HMAC-SHA256\" ,\tsignature =  \"{0}\"  ")]
    [InlineData("signature= \"{0}\", sign_type=\"HMAC-SHA256\"")]
    public void Whitespace_and_field_order_do_not_matter(string format)
    {
        Assert.True(BodySign.Verify(string.Format(format, ExampleSignature), ExampleBody, SpecExample.Key));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("sign_type=\"HMAC-SHA1\", signature= \"{0}\"")]
    [InlineData("sign_type=\"hmac-sha256\", signature= \"{0}\"")]
    [InlineData("signature= \"{0}\"")]
    [InlineData("sign_type=\"HMAC-SHA256\"")]
    [InlineData("sign_type=\"HMAC-SHA256\", signature= \"\"")]
    [InlineData("sign_type=HMAC-SHA256, signature= {0}")]
    [InlineData("sign_type=\"HMAC-SHA256\", signature= \"{0}")]
    [InlineData("sign_type=\"HMAC-SHA256\", signature= \"{0}\", signature= \"{0}\"")]
    [InlineData("sign_type=\"HMAC-SHA256\", signature= \"{0}\", extra=\"1\"")]
    [InlineData("Sign_Type=\"HMAC-SHA256\", Signature= \"{0}\"")]
    [InlineData("sign_type=\"HMAC-SHA256\", signature= \"CWpqYAg4IjwYANSgf7VUyzq3qzKstwH+RHMLSV4VdZY\"")]
    [InlineData("sign_type=\"HMAC-SHA256\", signature= \"CWpqYAg4IjwYANSgf7VUyzq3qzKstwH RHMLSV4VdZY=\"")]
    public void A_malformed_header_fails_verification(string? format)
    {
        var header = format is null ? null : string.Format(format, ExampleSignature);

        Assert.False(BodySign.Verify(header, ExampleBody, SpecExample.Key));
    }

    [Fact]
    public void An_empty_body_has_a_signature_too()
    {
        var header = BodySign.Compute([], SpecExample.Key);

        Assert.StartsWith("sign_type=\"HMAC-SHA256\", signature= \"", header);
        Assert.True(BodySign.Verify(header, [], SpecExample.Key));
        Assert.False(BodySign.Verify(header, " "u8, SpecExample.Key));
    }
}
