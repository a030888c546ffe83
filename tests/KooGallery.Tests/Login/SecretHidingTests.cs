using System.Net;
using Provisioning.KooGallery.Login;
using Provisioning.KooGallery.Tests.OpenApi;
using static Provisioning.KooGallery.Tests.Login.AuthCenterHost;

namespace Provisioning.KooGallery.Tests.Login;

public class SecretHidingTests
{
    [Fact]
    public void Credentials_show_the_client_id_but_never_the_secret()
    {
        var text = Client.ToString();

        Assert.Contains("NzZeWuiJa91dPSRdZQChMaz", text);
        Assert.DoesNotContain(Client.ClientSecret, text);
    }

    [Fact]
    public void Tokens_show_their_lifetime_and_scope_but_never_the_tokens()
    {
        var tokens = new AuthCenterTokens("9b0f3e7c1d2a", "Bearer", TimeSpan.FromSeconds(7200), "get_user_info", "dec4a1b77f1");

        var text = $"{tokens} {new AuthCenterResult<AuthCenterTokens>(tokens, null, "", 200, null)}";

        Assert.Contains("get_user_info", text);
        Assert.Contains("02:00:00", text);
        Assert.DoesNotContain("9b0f3e7c1d2a", text);
        Assert.DoesNotContain("dec4a1b77f1", text);
    }

    [Fact]
    public async Task An_error_description_echoing_the_code_or_secret_is_repeated_without_them()
    {
        var authCenter = new FakeMarketplace(FakeMarketplace.Answer(HttpStatusCode.BadRequest,
            """{"error":"invalid_grant","error_description":"code z2D8Kq1 for secret PlainSecretAfterRsaDecrypt and verifier dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk is used"}"""));
        await using var services = Build(authCenter);

        var result = await ClientOf(services).ExchangeCodeAsync(Address, Client, Code, Callback, "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", CancellationToken.None);

        Assert.Equal(AuthCenterFailure.InvalidGrant, result.Failure);
        Assert.Contains("code *** for secret *** and verifier *** is used", result.Message);
        Assert.DoesNotContain(Code, result.ToString());
        Assert.DoesNotContain(Client.ClientSecret, result.ToString());
    }

    [Fact]
    public async Task An_unreadable_member_echoing_the_access_token_is_repeated_without_it()
    {
        var authCenter = new FakeMarketplace(FakeMarketplace.Answer(HttpStatusCode.OK, """{"userName":"u","tenant":"t","role":"9b0f3e7c1d2a"}"""));
        await using var services = Build(authCenter);

        var result = await ClientOf(services).GetUserAsync(Address, "9b0f3e7c1d2a", CancellationToken.None);

        Assert.Equal(AuthCenterFailure.Unreadable, result.Failure);
        Assert.DoesNotContain("9b0f3e7c1d2a", result.Message);
    }
}
