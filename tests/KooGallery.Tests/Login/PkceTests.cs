using Provisioning.KooGallery.Login;

namespace Provisioning.KooGallery.Tests.Login;

public class PkceTests
{
    // The verifier is the base64url form of the appendix's 32 octets (116, 24, 223, 180, …, 121).
    [Fact]
    public void The_S256_challenge_matches_RFC_7636_appendix_B()
    {
        Assert.Equal("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", Pkce.Challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    }

    [Fact]
    public void A_new_verifier_is_43_unreserved_characters_and_differs_each_time()
    {
        var verifier = Pkce.NewVerifier();

        Assert.Matches("^[A-Za-z0-9_-]{43}$", verifier);
        Assert.NotEqual(verifier, Pkce.NewVerifier());
        Assert.Equal(43, Pkce.Challenge(verifier).Length);
    }

    [Theory]
    [InlineData("too-short")]
    [InlineData("dBjftJeZ4CVP-mJ92K9x-8sV6YQ9LdsUcFPx8xBT8P+")]
    public void A_verifier_outside_RFC_7636_is_refused(string verifier)
    {
        Assert.Throws<ArgumentException>(() => Pkce.Challenge(verifier));
    }
}
