using System.Text;
using System.Web;

namespace Provisioning.KooGallery.Tests.Wire;

public class SaasExtendParamsTests
{
    // §1.1: [{"name":"emailDomainName","value":"example.com"}]
    private const string ExampleBase64 = "W3sibmFtZSI6ImVtYWlsRG9tYWluTmFtZSIsInZhbHVlIjoiZXhhbXBsZS5jb20ifV0=";
    private const string ExampleUrlEncoded = "W3sibmFtZSI6ImVtYWlsRG9tYWluTmFtZSIsInZhbHVlIjoiZXhhbXBsZS5jb20ifV0%3D";

    private static readonly ExtendParam[] Example = [new("emailDomainName", "example.com")];

    [Fact]
    public void The_spec_example_encodes_to_its_exact_base64()
    {
        Assert.Equal(ExampleBase64, SaasExtendParams.Encode(Example));
    }

    [Fact]
    public void The_spec_example_url_encodes_to_its_exact_form()
    {
        Assert.Equal(ExampleUrlEncoded, Uri.EscapeDataString(SaasExtendParams.Encode(Example)));
    }

    [Theory]
    [InlineData(ExampleBase64)]
    [InlineData(ExampleUrlEncoded)]
    public void The_spec_example_decodes_whether_or_not_it_is_still_url_encoded(string value)
    {
        Assert.True(SaasExtendParams.TryDecode(value, out var parameters, out var error));
        Assert.Null(error);
        Assert.Equal(Example, parameters);
    }

    [Theory]
    [InlineData("saasExtendParams=" + ExampleUrlEncoded)]                  // encoded once
    [InlineData("saasExtendParams=W3sibmFtZSI6ImVtYWlsRG9tYWluTmFtZSIsInZhbHVlIjoiZXhhbXBsZS5jb20ifV0%253D")] // twice
    public void The_spec_example_decodes_from_a_query_string_decoded_once_by_the_framework(string query)
    {
        var value = HttpUtility.ParseQueryString(query)["saasExtendParams"];

        Assert.True(SaasExtendParams.TryDecode(value, out var parameters, out _));
        Assert.Equal(Example, parameters);
    }

    [Fact]
    public void A_plus_that_arrived_as_a_space_is_restored()
    {
        // [{"name":"platformParams","value":"~"}]; its Base64 holds a '+'.
        const string base64 = "W3sibmFtZSI6InBsYXRmb3JtUGFyYW1zIiwidmFsdWUiOiJ+In1d";
        var value = HttpUtility.ParseQueryString("saasExtendParams=" + base64)["saasExtendParams"]!;
        Assert.Contains(' ', value);

        Assert.True(SaasExtendParams.TryDecode(value, out var parameters, out _));
        Assert.Equal([new ExtendParam("platformParams", "~")], parameters);
    }

    [Fact]
    public void Missing_base64_padding_is_tolerated()
    {
        Assert.True(SaasExtendParams.TryDecode(ExampleBase64.TrimEnd('='), out var parameters, out _));
        Assert.Equal(Example, parameters);
    }

    [Fact]
    public void Several_parameters_and_non_ascii_values_round_trip_in_order()
    {
        ExtendParam[] original =
        [
            new("emailDomainName", "例子.cn"),
            new("platformParams", "{\"tenant\":\"a&b <c>\"}"),
            new("emailDomainName", ""),
        ];

        Assert.True(SaasExtendParams.TryDecode(SaasExtendParams.Encode(original), out var decoded, out _));
        Assert.Equal(original, decoded);
    }

    [Theory]
    [InlineData("""[{"name":"amount","value":5}]""", "5")]
    [InlineData("""[{"name":"flag","value":true}]""", "true")]
    [InlineData("""[{"name":"obj","value":{"a":[1,2]}}]""", """{"a":[1,2]}""")]
    [InlineData("""[{"name":"nothing","value":null}]""", "")]
    [InlineData("""[{"name":"absent"}]""", "")]
    [InlineData("""[{"value":"first","name":"reordered","extra":1}]""", "first")]
    public void Values_that_are_not_strings_are_kept_leniently(string json, string expected)
    {
        Assert.True(SaasExtendParams.TryDecode(Base64(json), out var parameters, out var error));
        Assert.Null(error);
        Assert.Equal(expected, Assert.Single(parameters).Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void An_absent_value_decodes_to_no_parameters(string? value)
    {
        Assert.True(SaasExtendParams.TryDecode(value, out var parameters, out var error));
        Assert.Empty(parameters);
        Assert.Null(error);
    }

    [Fact]
    public void An_empty_array_decodes_to_no_parameters()
    {
        Assert.True(SaasExtendParams.TryDecode(Base64("[]"), out var parameters, out _));
        Assert.Empty(parameters);
    }

    [Theory]
    [InlineData("""[{"value":"example.com"}]""")]
    [InlineData("""[{"name":null,"value":"x"}]""")]
    [InlineData("""[{"name":7,"value":"x"}]""")]
    [InlineData("""["emailDomainName"]""")]
    [InlineData("""{"name":"emailDomainName","value":"example.com"}""")]
    [InlineData("\"text\"")]
    [InlineData("[{\"name\":\"a\",")]
    [InlineData("not json")]
    public void Json_that_is_not_an_array_of_named_entries_is_an_error(string json)
    {
        Assert.False(SaasExtendParams.TryDecode(Base64(json), out var parameters, out var error));
        Assert.Empty(parameters);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Theory]
    [InlineData("!!!not-base64!!!")]
    [InlineData("W3sibmFtZ")]
    [InlineData("%ZZ%")]
    [InlineData("ÿÿÿÿ")]
    public void A_value_that_is_not_base64_is_an_error(string value)
    {
        Assert.False(SaasExtendParams.TryDecode(value, out var parameters, out var error));
        Assert.Empty(parameters);
        Assert.Contains("Base64", error);
    }

    [Fact]
    public void Base64_of_invalid_utf8_is_an_error()
    {
        Assert.False(SaasExtendParams.TryDecode(Convert.ToBase64String([0x5B, 0xFF, 0xFE, 0x5D]), out _, out var error));
        Assert.NotNull(error);
    }

    private static string Base64(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
}
