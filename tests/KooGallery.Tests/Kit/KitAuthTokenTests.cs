using Provisioning.KooGallery.Kit;

namespace Provisioning.KooGallery.Tests.Kit;

public class KitAuthTokenTests
{
    // Kit spec §2.1 worked vector.
    private const string TenantToken = "XxOd3IW8M1EIcQX5lUgZmduulU0GqPyYJfzDcWACy58=";
    private const string BlankIdsToken = "xNB1iqQUJC0HnebE+UWOWaSJePPyUmRMaRh7ccjY6fc=";
    private const string AuthSyncToken = "G7Bm9k1IAkMBhjzL4L9QyocVwENLvveOo/YG0bNQ8t8=";

    private const string TenantMessage =
        "domainName=https://example.tenantaccount.com&flag=1&instanceId=huaiweitest123456&name=huaiweitest&orderId=CS1906666666ABCDE&tenantCode=huawei&tenantId=68cbc86abc0123456789880d92f36422fa0e&testFlag=0&timeStamp=20220413093539534";

    [Fact]
    public void The_header_is_named_authToken()
    {
        Assert.Equal("authToken", KitAuthToken.HeaderName);
    }

    [Fact]
    public void The_spec_vector_message_is_exact()
    {
        Assert.Equal(TenantMessage, KitAuthToken.CanonicalString(KitExample.Root(KitExample.TenantSyncV1)));
    }

    [Fact]
    public void The_spec_vector_hmac_key_is_the_key_followed_by_the_timeStamp()
    {
        var expected = Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData(
            "TestKey012345678920220413093539534"u8, System.Text.Encoding.UTF8.GetBytes(TenantMessage)));

        Assert.Equal(expected, KitAuthToken.Compute(KitExample.Root(KitExample.TenantSyncV1), KitExample.Key));
    }

    [Fact]
    public void The_spec_vector_token_is_exact()
    {
        Assert.Equal(TenantToken, KitAuthToken.Compute(KitExample.Root(KitExample.TenantSyncV1), KitExample.Key));
    }

    [Fact]
    public void Blank_instanceId_and_orderId_are_left_out_of_the_message()
    {
        var body = KitExample.Root(KitExample.TenantSyncV1WithBlankIds);

        Assert.Equal(
            "domainName=https://example.tenantaccount.com&flag=1&name=huaiweitest&tenantCode=huawei&tenantId=68cbc86abc0123456789880d92f36422fa0e&testFlag=0&timeStamp=20220413093539534",
            KitAuthToken.CanonicalString(body));
        Assert.Equal(BlankIdsToken, KitAuthToken.Compute(body, KitExample.Key));
        Assert.True(KitAuthToken.Verify(BlankIdsToken, body, KitExample.Key));
    }

    [Fact]
    public void The_blank_keeping_variant_is_accepted_when_the_blank_skipping_one_fails()
    {
        var body = KitExample.Root(KitExample.TenantSyncV1WithBlankIds);
        var kept = KitAuthToken.CanonicalString(body, keepBlankValues: true);
        var token = Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData(
            "TestKey012345678920220413093539534"u8, System.Text.Encoding.UTF8.GetBytes(kept)));

        Assert.StartsWith("domainName=https://example.tenantaccount.com&flag=1&instanceId=&name=huaiweitest&orderId=&", kept);
        Assert.NotEqual(BlankIdsToken, token);
        Assert.True(KitAuthToken.Verify(token, body, KitExample.Key));
    }

    [Fact]
    public void The_authSync_example_token_signs_the_userList_string_verbatim()
    {
        var body = KitExample.Root(KitExample.AuthSyncV1);

        Assert.Contains("&userList=[{\"userName\":\"zhangsan01\",", KitAuthToken.CanonicalString(body));
        Assert.Equal(AuthSyncToken, KitAuthToken.Compute(body, KitExample.Key));
        Assert.True(KitAuthToken.Verify(AuthSyncToken, body, KitExample.Key));
    }

    [Theory]
    [InlineData(TenantToken)]
    [InlineData(" " + TenantToken + "\t")]
    [InlineData("\"" + TenantToken + "\"")]
    [InlineData(" \"" + TenantToken + "\" ")]
    [InlineData("\u201C" + TenantToken + "\u201D")]
    public void A_quoted_or_padded_header_is_accepted(string header)
    {
        Assert.True(KitAuthToken.Verify(header, KitExample.Root(KitExample.TenantSyncV1), KitExample.Key));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\"\"")]
    [InlineData("XxOd3IW8M1EIcQX5lUgZmduulU0GqPyYJfzDcWACy58")]
    [InlineData("xxOd3IW8M1EIcQX5lUgZmduulU0GqPyYJfzDcWACy58=")]
    [InlineData(BlankIdsToken)]
    public void A_wrong_or_missing_header_is_refused(string? header)
    {
        Assert.False(KitAuthToken.Verify(header, KitExample.Root(KitExample.TenantSyncV1), KitExample.Key));
    }

    [Fact]
    public void A_tampered_body_is_refused()
    {
        var tampered = KitExample.Root(KitExample.TenantSyncV1.Replace("\"flag\":1", "\"flag\":0", StringComparison.Ordinal));

        Assert.False(KitAuthToken.Verify(TenantToken, tampered, KitExample.Key));
    }

    [Fact]
    public void Another_key_is_refused()
    {
        Assert.False(KitAuthToken.Verify(TenantToken, KitExample.Root(KitExample.TenantSyncV1), "OtherKey"));
    }

    [Theory]
    [InlineData("""{"flag":1}""")]
    [InlineData("""{"flag":1,"timeStamp":""}""")]
    [InlineData("""{"flag":1,"timeStamp":null}""")]
    public void A_body_without_timeStamp_is_refused_and_cannot_be_signed(string json)
    {
        var body = KitExample.Root(json);

        Assert.False(KitAuthToken.Verify(TenantToken, body, KitExample.Key));
        Assert.Throws<ArgumentException>(() => KitAuthToken.Compute(body, KitExample.Key));
    }

    [Fact]
    public void Values_take_their_string_form()
    {
        var body = KitExample.Root("""{"s":"a b","n":1.50,"t":true,"f":false,"o":{"x": 1},"a":[1, "2"],"z":null,"w":"  ","timeStamp":"1"}""");

        Assert.Equal("a=[1, \"2\"]&f=false&n=1.50&o={\"x\": 1}&s=a b&t=true&timeStamp=1", KitAuthToken.CanonicalString(body));
    }

    [Fact]
    public void Names_are_sorted_ordinally()
    {
        var body = KitExample.Root("""{"b":"1","B":"2","a":"3","timeStamp":"1"}""");

        Assert.Equal("B=2&a=3&b=1&timeStamp=1", KitAuthToken.CanonicalString(body));
    }

    [Fact]
    public void Plus_signs_in_values_are_signed_as_they_are()
    {
        var body = KitExample.Root("""{"clientSecret":"ab+c/d==","timeStamp":"1"}""");

        Assert.Equal("clientSecret=ab+c/d==&timeStamp=1", KitAuthToken.CanonicalString(body));
    }
}
