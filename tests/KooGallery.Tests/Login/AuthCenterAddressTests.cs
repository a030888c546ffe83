using Provisioning.KooGallery.Login;

namespace Provisioning.KooGallery.Tests.Login;

public class AuthCenterAddressTests
{
    [Theory]
    [InlineData("https://example.tenantaccount.com", "https://example.tenantaccount.com")]
    [InlineData("https://example.tenantaccount.com/", "https://example.tenantaccount.com")]
    [InlineData("https://example.tenantaccount.com:8443/idp", "https://example.tenantaccount.com:8443/idp")]
    [InlineData("http://127.0.0.1:5080", "http://127.0.0.1:5080")]
    [InlineData("http://localhost:5080", "http://localhost:5080")]
    public void A_https_domain_name_or_a_loopback_http_one_is_used_verbatim(string domainName, string expected)
    {
        Assert.True(AuthCenterAddress.TryParse(domainName, out var address, out var error), error);
        Assert.Equal(expected, address.ToString());
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("example.tenantaccount.com", "is not an absolute https URL")]
    [InlineData("ftp://example.tenantaccount.com", "is not an absolute https URL")]
    [InlineData("http://example.tenantaccount.com", "plain http is accepted only for a loopback host")]
    [InlineData("https://example.tenantaccount.com/?x=1", "carries user info, a query or a fragment")]
    [InlineData("https://user:pw@example.tenantaccount.com", "carries user info, a query or a fragment")]
    public void Any_other_domain_name_is_refused_saying_why(string domainName, string why)
    {
        Assert.False(AuthCenterAddress.TryParse(domainName, out _, out var error));
        Assert.Contains(why, error);
        Assert.DoesNotContain("pw", error);
        Assert.Contains(why, Assert.Throws<FormatException>(() => AuthCenterAddress.Parse(domainName)).Message);
    }
}
