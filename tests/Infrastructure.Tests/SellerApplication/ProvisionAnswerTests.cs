using Provisioning.Grains.Instances;
using Provisioning.Infrastructure.SellerApplication;

namespace Provisioning.Infrastructure.Tests.SellerApplication;

public sealed class ProvisionAnswerTests
{
    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("{}")]
    [InlineData("""{"frontEndUrl":"","userName":null,"tenantId":"t-1"}""")]
    public void An_answer_without_access_is_a_tenant_that_leaves_the_templates(string body) =>
        Assert.Equal(new ProvisionedTenant(null, null, null, null), ProvisionAnswer.Read(body, 200));

    [Fact]
    public void Each_access_value_is_read()
    {
        var tenant = ProvisionAnswer.Read("""{"frontEndUrl":"https://t.example.com/","adminUrl":"http://t.example.com/admin","userName":"owner","password":"p@ss"}""", 201);

        Assert.Equal(new ProvisionedTenant("https://t.example.com/", "http://t.example.com/admin", "owner", "p@ss"), tenant);
    }

    [Theory]
    [InlineData("ok", "its HTTP 200 answer is not JSON")]
    [InlineData("""["https://t.example.com/"]""", "its HTTP 200 answer is not a JSON object")]
    [InlineData("""{"password":12345}""", "password in its HTTP 200 answer is not a string")]
    [InlineData("""{"frontEndUrl":"/login"}""", "frontEndUrl in its HTTP 200 answer is not an absolute http(s) URL")]
    [InlineData("""{"adminUrl":"javascript:alert(1)"}""", "adminUrl in its HTTP 200 answer is not an absolute http(s) URL")]
    public void An_unusable_answer_is_refused_without_quoting_it(string body, string reason)
    {
        var refused = Assert.Throws<ProvisioningHookException>(() => ProvisionAnswer.Read(body, 200));

        Assert.Equal(reason, refused.Message);
    }
}
