using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Provisioning.KooGallery.Login;
using Provisioning.KooGallery.Tests.OpenApi;
using static Provisioning.KooGallery.Tests.Login.AuthCenterHost;

namespace Provisioning.KooGallery.Tests.Login;

public class TokenAndUserTests
{
    private static FakeMarketplace Answering(HttpStatusCode status, string json) => new(FakeMarketplace.Answer(status, json));

    private static async Task<AuthCenterResult<AuthCenterTokens>> ExchangeAsync(FakeMarketplace authCenter, string? verifier = null)
    {
        await using var services = Build(authCenter);
        return await ClientOf(services).ExchangeCodeAsync(Address, Client, Code, Callback, verifier, CancellationToken.None);
    }

    private static async Task<AuthCenterResult<AuthCenterUser>> UserAsync(FakeMarketplace authCenter)
    {
        await using var services = Build(authCenter);
        return await ClientOf(services).GetUserAsync(Address, "9b0f3e7c1d2a", CancellationToken.None);
    }

    [Fact]
    public async Task The_code_exchange_posts_the_spec_example_form_byte_for_byte()
    {
        var authCenter = Answering(HttpStatusCode.OK, TokenAnswer);

        await ExchangeAsync(authCenter);

        var request = Assert.Single(authCenter.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("https://example.tenantaccount.com/api/v1/oauth2/token", request.Uri.AbsoluteUri);
        Assert.Equal("application/x-www-form-urlencoded", request.Headers["Content-Type"]);
        Assert.Equal(
            "client_id=NzZeWuiJa91dPSRdZQChMaz&client_secret=PlainSecretAfterRsaDecrypt&code=z2D8Kq1"
            + "&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcallback&grant_type=authorization_code",
            Encoding.ASCII.GetString(request.Body));
    }

    [Fact]
    public async Task The_code_exchange_adds_the_pkce_verifier_and_leaves_out_an_absent_redirect_uri()
    {
        var authCenter = Answering(HttpStatusCode.OK, TokenAnswer);
        await using var services = Build(authCenter);

        await ClientOf(services).ExchangeCodeAsync(Address, Client with { ClientSecret = "s e+c/r=t" }, Code, null,
            "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", CancellationToken.None);

        Assert.Equal(
            "client_id=NzZeWuiJa91dPSRdZQChMaz&client_secret=s+e%2Bc%2Fr%3Dt&code=z2D8Kq1&grant_type=authorization_code"
            + "&code_verifier=dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk",
            Encoding.ASCII.GetString(authCenter.Requests[0].Body));
    }

    [Fact]
    public async Task The_spec_token_answer_is_read()
    {
        var result = await ExchangeAsync(Answering(HttpStatusCode.OK, TokenAnswer));

        Assert.True(result.IsSuccess);
        Assert.Equal(new AuthCenterTokens("9b0f3e7c1d2a", "Bearer", TimeSpan.FromSeconds(7200), "get_user_info", "dec4a1b77f1"), result.Value);
    }

    [Fact]
    public async Task A_token_answer_without_expiry_or_type_gets_the_defaults_and_unknown_members_are_ignored()
    {
        var result = await ExchangeAsync(Answering(HttpStatusCode.OK, """{"access_token":"at-1","expires_in":"60","id_token":{"x":1}}"""));

        Assert.Equal(new AuthCenterTokens("at-1", "Bearer", TimeSpan.FromSeconds(60), null, null), result.Value);
        Assert.Equal(
            new AuthCenterTokens("at-1", "Bearer", AuthCenterTokens.DefaultLifetime, null, null),
            (await ExchangeAsync(Answering(HttpStatusCode.OK, """{"access_token":"at-1"}"""))).Value);
    }

    [Fact]
    public async Task The_refresh_posts_the_refresh_token_grant()
    {
        var authCenter = Answering(HttpStatusCode.OK, TokenAnswer);
        await using var services = Build(authCenter);

        var result = await ClientOf(services).RefreshAsync(Address, Client, "dec4a1b77f1", CancellationToken.None);

        Assert.True(result.IsSuccess);
        var request = Assert.Single(authCenter.Requests);
        Assert.Equal("https://example.tenantaccount.com/api/v1/oauth2/token", request.Uri.AbsoluteUri);
        Assert.Equal("client_id=NzZeWuiJa91dPSRdZQChMaz&client_secret=PlainSecretAfterRsaDecrypt&refresh_token=dec4a1b77f1&grant_type=refresh_token",
            Encoding.ASCII.GetString(request.Body));
    }

    [Fact]
    public async Task Userinfo_sends_the_bearer_token_and_reads_the_spec_example()
    {
        var authCenter = Answering(HttpStatusCode.OK, UserAnswer);

        var result = await UserAsync(authCenter);

        var request = Assert.Single(authCenter.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("https://example.tenantaccount.com/api/v1/oauth2/userinfo", request.Uri.AbsoluteUri);
        Assert.Equal("Bearer 9b0f3e7c1d2a", request.Headers["Authorization"]);
        Assert.Equal("application/json", request.Headers["Accept"]);
        Assert.Equal(
            new AuthCenterUser("20201029190841785-CB37-8BD36B", "zhangsan01", "Zhang San", null, null, TenantRole.Admin, "R&D", "10001",
                "20201029190841785-CB37-8BD36B", "huaiweitest", Tenant),
            result.Value);
    }

    [Theory]
    [InlineData("""{"userName":"u","tenant":"t","role":"user","accName":"x"}""", TenantRole.User)]
    [InlineData("""{"userName":"u","tenant":"t"}""", null)]
    public async Task A_user_needs_only_user_name_and_tenant(string json, TenantRole? role)
    {
        var result = await UserAsync(Answering(HttpStatusCode.OK, json));

        Assert.Equal(new AuthCenterUser(null, "u", null, null, null, role, null, null, null, null, "t"), result.Value);
    }

    [Theory]
    [InlineData("""{"userName":"u","tenant":"t","tenant":"other"}""", "repeats the key 'tenant'")]
    [InlineData("""{"userName":"u"}""", "tenant is missing")]
    [InlineData("""{"tenant":"t","userName":""}""", "userName is missing")]
    [InlineData("""{"userName":"u","tenant":"t","role":"root"}""", "role 'root' is neither user nor admin")]
    [InlineData("""{"userName":{"a":1},"tenant":"t"}""", "userName is not text")]
    [InlineData("<html>", "not valid JSON")]
    public async Task An_unreadable_user_answer_says_why(string json, string why)
    {
        var result = await UserAsync(Answering(HttpStatusCode.OK, json));

        Assert.Equal(AuthCenterFailure.Unreadable, result.Failure);
        Assert.Null(result.Value);
        Assert.Contains(why, result.Message);
    }

    [Fact]
    public async Task An_oversized_user_answer_is_unreadable_and_not_retried()
    {
        var authCenter = Answering(HttpStatusCode.OK, $$"""{"userName":"u","tenant":"t","name":"{{new string('x', 300 * 1024)}}"}""");

        var result = await UserAsync(authCenter);

        Assert.Equal(AuthCenterFailure.Unreadable, result.Failure);
        Assert.Contains("larger than the client reads", result.Message);
        Assert.Single(authCenter.Requests);
    }

    [Fact]
    public async Task A_token_answer_without_access_token_is_unreadable()
    {
        var result = await ExchangeAsync(Answering(HttpStatusCode.OK, """{"token_type":"Bearer"}"""));

        Assert.Equal(AuthCenterFailure.Unreadable, result.Failure);
        Assert.Contains("access_token is missing", result.Message);
    }

    [Theory]
    [InlineData(400, """{"error":"invalid_client","error_description":"Bad client credentials"}""", AuthCenterFailure.InvalidClient, "invalid_client")]
    [InlineData(401, """{"error":"invalid_client","error_description":"Client ID mismatch"}""", AuthCenterFailure.InvalidClient, "invalid_client")]
    [InlineData(400, """{"error":"invalid_grant","error_description":"Invalid authorization code"}""", AuthCenterFailure.InvalidGrant, "invalid_grant")]
    [InlineData(403, "", AuthCenterFailure.Forbidden, "")]
    [InlineData(401, "", AuthCenterFailure.Unauthorized, "")]
    [InlineData(400, """{"error":"unsupported_grant_type"}""", AuthCenterFailure.Refused, "unsupported_grant_type")]
    [InlineData(404, "not found", AuthCenterFailure.Refused, "")]
    [InlineData(200, """{"error":"server_error"}""", AuthCenterFailure.Refused, "server_error")]
    [InlineData(503, """{"error":"temporarily_unavailable"}""", AuthCenterFailure.Transient, "temporarily_unavailable")]
    [InlineData(500, "oops", AuthCenterFailure.Transient, "")]
    [InlineData(429, "", AuthCenterFailure.Transient, "")]
    public async Task Token_failures_are_sorted_by_what_the_caller_can_do(int status, string json, AuthCenterFailure failure, string error)
    {
        var result = await ExchangeAsync(Answering((HttpStatusCode)status, json));

        Assert.Equal(failure, result.Failure);
        Assert.Equal(error, result.Error);
        Assert.Equal(status, result.HttpStatus);
        Assert.Null(result.Value);
    }

    [Theory]
    [InlineData(400, """{"error":"invalid_client","error_description":"Bad client credentials"}""")]
    [InlineData(403, "")]
    [InlineData(403, """{"error":"access_denied"}""")]
    public async Task A_refused_client_gets_the_faq_hint(int status, string json)
    {
        var result = await ExchangeAsync(Answering((HttpStatusCode)status, json));

        Assert.Contains("clientId", result.Message);
        Assert.Contains("domainName", result.Message);
        Assert.Contains("RSA-decrypted", result.Message);
    }

    [Fact]
    public async Task An_expired_access_token_on_userinfo_is_unauthorized()
    {
        var result = await UserAsync(Answering(HttpStatusCode.Unauthorized, """{"error":"unauthorized","error_description":"token expired"}"""));

        Assert.Equal(AuthCenterFailure.Unauthorized, result.Failure);
        Assert.Equal("unauthorized", result.Error);
        Assert.Contains("token expired", result.Message);
    }

    [Fact]
    public async Task A_code_exchange_is_never_retried()
    {
        var authCenter = new FakeMarketplace(FakeMarketplace.Answer(HttpStatusCode.BadGateway, ""), FakeMarketplace.Answer(HttpStatusCode.OK, TokenAnswer));

        var result = await ExchangeAsync(authCenter);

        Assert.Equal(AuthCenterFailure.Transient, result.Failure);
        Assert.Single(authCenter.Requests);
    }

    [Fact]
    public async Task Userinfo_and_refresh_are_retried_once_after_a_transient_failure()
    {
        var authCenter = new FakeMarketplace(FakeMarketplace.Unreachable(), FakeMarketplace.Answer(HttpStatusCode.OK, UserAnswer));
        Assert.True((await UserAsync(authCenter)).IsSuccess);
        Assert.Equal(2, authCenter.Requests.Count);

        var failing = new FakeMarketplace(FakeMarketplace.Answer(HttpStatusCode.ServiceUnavailable, ""));
        await using var services = Build(failing);
        var refreshed = await ClientOf(services).RefreshAsync(Address, Client, "dec4a1b77f1", CancellationToken.None);
        Assert.Equal(AuthCenterFailure.Transient, refreshed.Failure);
        Assert.Equal(2, failing.Requests.Count);
    }

    [Fact]
    public async Task A_refused_refresh_is_not_retried()
    {
        var authCenter = new FakeMarketplace(FakeMarketplace.Answer(HttpStatusCode.BadRequest, """{"error":"invalid_grant"}"""));
        await using var services = Build(authCenter);

        var result = await ClientOf(services).RefreshAsync(Address, Client, "dec4a1b77f1", CancellationToken.None);

        Assert.Equal(AuthCenterFailure.InvalidGrant, result.Failure);
        Assert.Single(authCenter.Requests);
    }

    [Fact]
    public async Task An_attempt_past_the_timeout_is_transient()
    {
        var authCenter = new FakeMarketplace(FakeMarketplace.Hang());
        await using var services = Build(authCenter, timeout: "00:00:00.050");

        var result = await ClientOf(services).ExchangeCodeAsync(Address, Client, Code, Callback, null, CancellationToken.None);

        Assert.Equal(AuthCenterFailure.Transient, result.Failure);
        Assert.Null(result.HttpStatus);
        Assert.Contains("did not answer within 0.05 s", result.Message);
    }

    [Fact]
    public async Task A_cancelled_call_is_cancelled_not_answered()
    {
        await using var services = Build(new FakeMarketplace(FakeMarketplace.Hang()));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ClientOf(services).GetUserAsync(Address, "at", cancel.Token));
    }

    [Fact]
    public async Task A_timeout_out_of_range_stops_the_host_start_naming_it()
    {
        await using var services = Build(new FakeMarketplace(FakeMarketplace.Hang()), timeout: "00:05:00");

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("KooGallery:Login:Timeout", error.Message);
    }
}
