using System.Web;

namespace Provisioning.KooGallery.Tests.Signing;

public class AuthTokenTests
{
    private const string ExampleToken = "LxwFoToPBjorNgXgmacjDvrNp+ha9BJtXOzVYCefM+M=";

    private const string ExampleStringToSign =
        "activity=newInstance&businessId=61e834ba-7b97-4418-b8f7-e5345137278c&chargingMode=1"
        + "&customerId=68cbc86abc2018ab880d92f36422fa0e&customerName=testName&expireTime=20260131235959"
        + "&orderId=CS1906666666ABCDE&periodNumber=1&periodType=month&productId=00301-666666-0--0"
        + "&skuCode=c1a2b3c4-d5e6-7890-abcd-ef1234567890&testFlag=1&timeStamp=20250101080000123";

    // §3.2, deliberately not in sorted order.
    private static Dictionary<string, string> ExampleParameters() => new()
    {
        ["timeStamp"] = "20250101080000123",
        ["activity"] = "newInstance",
        ["testFlag"] = "1",
        ["businessId"] = "61e834ba-7b97-4418-b8f7-e5345137278c",
        ["skuCode"] = "c1a2b3c4-d5e6-7890-abcd-ef1234567890",
        ["chargingMode"] = "1",
        ["customerId"] = "68cbc86abc2018ab880d92f36422fa0e",
        ["periodType"] = "month",
        ["customerName"] = "testName",
        ["expireTime"] = "20260131235959",
        ["orderId"] = "CS1906666666ABCDE",
        ["productId"] = "00301-666666-0--0",
        ["periodNumber"] = "1",
    };

    private static Dictionary<string, string> SignedExample() =>
        new(ExampleParameters()) { [AuthToken.ParameterName] = ExampleToken };

    [Fact]
    public void The_spec_example_string_to_sign_is_exact()
    {
        Assert.Equal(ExampleStringToSign, AuthToken.CanonicalString(ExampleParameters()));
    }

    [Fact]
    public void The_spec_example_token_is_exact()
    {
        Assert.Equal(ExampleToken, AuthToken.Compute(ExampleParameters(), SpecExample.Key));
    }

    [Fact]
    public void The_spec_example_token_url_encodes_as_shown()
    {
        Assert.Equal("LxwFoToPBjorNgXgmacjDvrNp%2Bha9BJtXOzVYCefM%2BM%3D", Uri.EscapeDataString(ExampleToken));
    }

    [Fact]
    public void The_spec_example_verifies()
    {
        Assert.True(AuthToken.Verify(SignedExample(), SpecExample.Key));
    }

    [Fact]
    public void The_spec_example_verifies_from_its_url_encoded_query_string()
    {
        var parameters = FirstValues(ExampleQuery("LxwFoToPBjorNgXgmacjDvrNp%2Bha9BJtXOzVYCefM%2BM%3D"));

        Assert.True(AuthToken.Verify(parameters, SpecExample.Key));
    }

    [Fact]
    public void A_token_whose_plus_signs_arrived_as_spaces_verifies()
    {
        // An unencoded '+' in the query becomes a space after URL-decoding.
        var parameters = FirstValues(ExampleQuery(ExampleToken));
        Assert.Equal("LxwFoToPBjorNgXgmacjDvrNp ha9BJtXOzVYCefM M=", parameters[AuthToken.ParameterName]);

        Assert.True(AuthToken.Verify(parameters, SpecExample.Key));
    }

    [Theory]
    [InlineData("customerId", "68cbc86abc2018ab880d92f36422fa0f")]
    [InlineData("orderId", "CS1906666666ABCDF")]
    [InlineData("activity", "releaseInstance")]
    [InlineData("testFlag", "0")]
    [InlineData("customerName", "testName ")]
    [InlineData("customerName", "")]
    public void A_tampered_value_fails_verification(string name, string value)
    {
        var parameters = SignedExample();
        parameters[name] = value;

        Assert.False(AuthToken.Verify(parameters, SpecExample.Key));
    }

    [Fact]
    public void A_tampered_timeStamp_fails_verification()
    {
        var parameters = SignedExample();
        parameters[AuthToken.TimeStampParameter] = "20250101080000124";

        Assert.False(AuthToken.Verify(parameters, SpecExample.Key));
    }

    [Fact]
    public void An_added_parameter_fails_verification()
    {
        var parameters = SignedExample();
        parameters["trialFlag"] = "1";

        Assert.False(AuthToken.Verify(parameters, SpecExample.Key));
    }

    [Fact]
    public void A_removed_parameter_fails_verification()
    {
        var parameters = SignedExample();
        parameters.Remove("customerName");

        Assert.False(AuthToken.Verify(parameters, SpecExample.Key));
    }

    [Fact]
    public void A_renamed_parameter_fails_verification()
    {
        var parameters = SignedExample();
        parameters.Remove("customerName", out var value);
        parameters["CustomerName"] = value!;

        Assert.False(AuthToken.Verify(parameters, SpecExample.Key));
    }

    [Theory]
    [InlineData("MyAccessKey-1234567891")]
    [InlineData("myaccesskey-1234567890")]
    [InlineData("")]
    [InlineData("MyAccessKey-123456789020250101080000123")]
    public void A_wrong_key_fails_verification(string key)
    {
        Assert.False(AuthToken.Verify(SignedExample(), key));
    }

    [Theory]
    [InlineData("")]
    [InlineData("LxwFoToPBjorNgXgmacjDvrNp+ha9BJtXOzVYCefM+M")]
    [InlineData("LxwFoToPBjorNgXgmacjDvrNp+ha9BJtXOzVYCefM+M==")]
    [InlineData("lxwFoToPBjorNgXgmacjDvrNp+ha9BJtXOzVYCefM+M=")]
    [InlineData("LxwFoToPBjorNgXgmacjDvrNp%2Bha9BJtXOzVYCefM%2BM%3D")]
    public void A_tampered_token_fails_verification(string token)
    {
        var parameters = SignedExample();
        parameters[AuthToken.ParameterName] = token;

        Assert.False(AuthToken.Verify(parameters, SpecExample.Key));
    }

    [Theory]
    [InlineData(AuthToken.ParameterName)]
    [InlineData(AuthToken.TimeStampParameter)]
    public void A_request_without_authToken_or_timeStamp_fails_verification(string missing)
    {
        var parameters = SignedExample();
        parameters.Remove(missing);

        Assert.False(AuthToken.Verify(parameters, SpecExample.Key));
    }

    [Fact]
    public void Parameter_order_does_not_matter()
    {
        var forward = ExampleParameters().OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        var backward = Enumerable.Reverse(forward).ToList();

        Assert.Equal(ExampleToken, AuthToken.Compute(forward, SpecExample.Key));
        Assert.Equal(ExampleToken, AuthToken.Compute(backward, SpecExample.Key));
    }

    [Fact]
    public void An_undocumented_parameter_is_signed_like_any_other()
    {
        var parameters = ExampleParameters();
        parameters["provisionType"] = "1";

        Assert.Contains("&provisionType=1&", AuthToken.CanonicalString(parameters));
        parameters[AuthToken.ParameterName] = AuthToken.Compute(parameters, SpecExample.Key);
        Assert.NotEqual(ExampleToken, parameters[AuthToken.ParameterName]);
        Assert.True(AuthToken.Verify(parameters, SpecExample.Key));

        parameters.Remove("provisionType");
        Assert.False(AuthToken.Verify(parameters, SpecExample.Key));
    }

    [Fact]
    public void An_empty_value_is_signed_as_name_equals()
    {
        var parameters = ExampleParameters();
        parameters["userName"] = "";

        Assert.EndsWith("&timeStamp=20250101080000123&userName=", AuthToken.CanonicalString(parameters));
        parameters[AuthToken.ParameterName] = AuthToken.Compute(parameters, SpecExample.Key);
        Assert.True(AuthToken.Verify(parameters, SpecExample.Key));
    }

    [Fact]
    public void Names_sort_by_ordinal_code_units_as_Java_TreeMap_does()
    {
        KeyValuePair<string, string>[] parameters =
        [
            new("trialFlag", "1"), new("timeStamp", "t"), new("testFlag", "1"),
            new("Zeta", "z"), new("alpha", "a"), new("_x", "u"), new("a", "b"),
        ];

        Assert.Equal("Zeta=z&_x=u&a=b&alpha=a&testFlag=1&timeStamp=t&trialFlag=1", AuthToken.CanonicalString(parameters));
    }

    [Fact]
    public void Values_are_signed_as_given_without_re_encoding()
    {
        KeyValuePair<string, string>[] parameters =
        [
            new("instanceId", "a,b,c"), new("email", "AbCdEfGh12345678XGKJ+/=="), new("customerName", "测试 名"),
        ];

        Assert.Equal("customerName=测试 名&email=AbCdEfGh12345678XGKJ+/==&instanceId=a,b,c", AuthToken.CanonicalString(parameters));
    }

    [Fact]
    public void The_authToken_itself_is_left_out_of_the_string_to_sign()
    {
        Assert.Equal(ExampleStringToSign, AuthToken.CanonicalString(SignedExample()));
    }

    [Fact]
    public void A_repeated_name_keeps_its_first_value()
    {
        KeyValuePair<string, string>[] parameters = [new("b", "1"), new("a", "x"), new("b", "2")];

        Assert.Equal("a=x&b=1", AuthToken.CanonicalString(parameters));
    }

    [Fact]
    public void Computing_without_a_timeStamp_is_refused()
    {
        var parameters = ExampleParameters();
        parameters.Remove(AuthToken.TimeStampParameter);

        var error = Assert.Throws<ArgumentException>(() => AuthToken.Compute(parameters, SpecExample.Key));
        Assert.DoesNotContain(SpecExample.Key, error.Message);
    }

    private static string ExampleQuery(string tokenAsSent) =>
        string.Join('&', ExampleParameters().Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value)))
        + "&authToken=" + tokenAsSent;

    // What ASP.NET Core's Request.Query gives the gateway: URL-decoded, '+' as space, first value per name.
    private static Dictionary<string, string> FirstValues(string query)
    {
        var collection = HttpUtility.ParseQueryString(query);
        return collection.AllKeys.ToDictionary(k => k!, k => collection.GetValues(k)![0]);
    }
}
