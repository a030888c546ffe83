using System.Buffers.Text;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Provisioning.Simulator.Login;

namespace Provisioning.Simulator.Tests;

/// <summary>
/// The login scenarios' token check against a stand-in gateway publishing a discovery document and a JWK Set: a token of
/// the published key, issuer and audience verifies and its claims are compared; anything else is named.
/// </summary>
public sealed class LoginTokensTests : IDisposable
{
    private const string Issuer = "http://gateway.test";
    private static readonly ExpectedLogin Expected = new("tenant-one", "zhangsan01", "Zhang San", "admin", "110", "app-one", "instance-one", "oauth2");

    private readonly ECDsa _published = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly KeysGateway _gateway;
    private readonly LoginSite _site;

    public LoginTokensTests()
    {
        _gateway = new KeysGateway(_published);
        _site = new LoginSite(new Uri(Issuer), _gateway, new Uri("http://127.0.0.1:9"), new Uri("http://127.0.0.1:8/signed-in"));
    }

    public void Dispose()
    {
        _site.Dispose();
        _gateway.Dispose();
        _published.Dispose();
    }

    private static Dictionary<string, object> Claims(string role = "admin") => new()
    {
        ["sub"] = "tenant-one/zhangsan01", ["tenant"] = "tenant-one", ["user_name"] = "zhangsan01", ["name"] = "Zhang San", ["role"] = role,
        ["org_code"] = "110", ["app_id"] = "app-one", ["instance_id"] = "instance-one", ["instance_status"] = "active", ["auth"] = "oauth2",
        ["sid"] = "session-one", ["jti"] = Guid.NewGuid().ToString("N"),
    };

    private static string Token(ECDsa key, string audience = LoginTokens.Audience, Dictionary<string, object>? claims = null) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Claims = claims ?? Claims(),
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(key) { KeyId = "key-one" }, SecurityAlgorithms.EcdsaSha256),
        });

    [Fact]
    public async Task A_token_of_the_published_key_verifies_and_says_who_logged_in()
    {
        var (token, failure) = await _site.Tokens.Verify(Token(_published));

        Assert.Null(failure);
        Assert.Null(Expected.Problem(token!));
    }

    [Fact]
    public async Task A_claim_that_differs_is_named()
    {
        var (token, _) = await _site.Tokens.Verify(Token(_published, claims: Claims(role: "user")));

        Assert.Equal("claim role is user, expected admin", Expected.Problem(token!));
    }

    [Fact]
    public async Task A_token_for_another_audience_or_of_a_key_not_published_does_not_verify()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var (forOther, audience) = await _site.Tokens.Verify(Token(_published, audience: "another-application"));
        var (unpublished, key) = await _site.Tokens.Verify(Token(other));

        Assert.Null(forOther);
        Assert.Contains("Audience", audience);
        Assert.Null(unpublished);
        Assert.Contains("does not verify", key);
    }

    /// <summary>Serves <c>/.well-known/openid-configuration</c> and the JWK Set of one ES256 key.</summary>
    private sealed class KeysGateway(ECDsa key) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var parameters = key.ExportParameters(includePrivateParameters: false);
            var body = request.RequestUri!.AbsolutePath switch
            {
                "/.well-known/openid-configuration" => $$"""{"issuer":"{{Issuer}}","jwks_uri":"{{Issuer}}/.well-known/jwks.json"}""",
                "/.well-known/jwks.json" => $$"""{"keys":[{"kty":"EC","crv":"P-256","use":"sig","alg":"ES256","kid":"key-one","x":"{{Base64Url.EncodeToString(parameters.Q.X)}}","y":"{{Base64Url.EncodeToString(parameters.Q.Y)}}"}]}""",
                _ => null,
            };
            return Task.FromResult(body is null
                ? new HttpResponseMessage(HttpStatusCode.NotFound)
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }
}
