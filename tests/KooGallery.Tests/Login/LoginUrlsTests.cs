using Provisioning.KooGallery.Login;

namespace Provisioning.KooGallery.Tests.Login;

public class LoginUrlsTests
{
    private static readonly AuthCenterAddress AuthCenter = AuthCenterHost.Address;

    [Fact]
    public void The_authorize_url_asks_for_a_code_with_the_default_scope()
    {
        var url = LoginUrls.Authorize(AuthCenter, "NzZeWuiJa91dPSRdZQChMaz", "https://app.example.com/callback?tenant=t 1", "Xyz09");

        Assert.Equal(
            "https://example.tenantaccount.com/api/v1/oauth2/authorize?client_id=NzZeWuiJa91dPSRdZQChMaz"
            + "&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcallback%3Ftenant%3Dt%201&response_type=code&scope=get_user_info&state=Xyz09",
            url.AbsoluteUri);
    }

    [Fact]
    public void The_authorize_url_carries_the_S256_challenge_of_a_given_verifier()
    {
        var url = LoginUrls.Authorize(AuthCenter, "client", "https://app.example.com/cb", scope: "openid get_user_info",
            pkceVerifier: "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");

        Assert.Equal(
            "https://example.tenantaccount.com/api/v1/oauth2/authorize?client_id=client&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb"
            + "&response_type=code&scope=openid%20get_user_info"
            + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256",
            url.AbsoluteUri);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a-b")]
    [InlineData("a&b=c")]
    public void A_state_that_is_not_alphanumeric_is_refused(string state)
    {
        Assert.Throws<ArgumentException>(() => LoginUrls.Authorize(AuthCenter, "client", "https://app.example.com/cb", state));
    }

    [Fact]
    public void The_unified_login_page_names_the_app_credential()
    {
        Assert.Equal(
            "https://macroverse.huaweicloud.com/unified-login/#/portal-login?ind=UNOP&appId=app%2F1",
            LoginUrls.UnifiedLogin(new TenantAuthCenterOptions().UnifiedLoginUrl, "app/1").AbsoluteUri);
    }

    [Fact]
    public void The_oauth_logout_goes_back_to_an_encoded_redirect_or_to_the_login_page()
    {
        Assert.Equal("https://example.tenantaccount.com/api/v1/logout?redirect_url=https%3A%2F%2Fapp.example.com%2Fbye%3Fa%3D1",
            LoginUrls.Logout(AuthCenter, "https://app.example.com/bye?a=1").AbsoluteUri);
        Assert.Equal("https://example.tenantaccount.com/api/v1/logout", LoginUrls.Logout(AuthCenter).AbsoluteUri);
    }

    [Fact]
    public void Cas_login_and_logout_carry_the_service_with_its_tenant_encoded_inside()
    {
        const string service = "https://app.example.com/cas?tenant=68cbc86abc";

        Assert.Equal("https://example.tenantaccount.com/api/v1/cas/login?service=https%3A%2F%2Fapp.example.com%2Fcas%3Ftenant%3D68cbc86abc",
            LoginUrls.CasLogin(AuthCenter, service).AbsoluteUri);
        Assert.Equal("https://example.tenantaccount.com/api/v1/cas/logout?service=https%3A%2F%2Fapp.example.com%2Fcas%3Ftenant%3D68cbc86abc",
            LoginUrls.CasLogout(AuthCenter, service).AbsoluteUri);
    }
}
