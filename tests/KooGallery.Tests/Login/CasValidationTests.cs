using System.Net;
using Provisioning.KooGallery.Login;
using Provisioning.KooGallery.Tests.OpenApi;
using static Provisioning.KooGallery.Tests.Login.AuthCenterHost;

namespace Provisioning.KooGallery.Tests.Login;

public class CasValidationTests
{
    private const string Service = "https://app.example.com/cas?tenant=68cbc86abc0123456789880d92f36422fa0e";

    private const string Ticket = "ST-1-abcDEF123";

    private const string SpecSuccess = """
        <cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas">
          <cas:authenticationSuccess>
            <cas:user>zhangsan01</cas:user>
            <cas:attributes>
              <cas:role>admin</cas:role><cas:organizationCode>10001</cas:organizationCode>
              <cas:name>Zhang San</cas:name><cas:userName>zhangsan01</cas:userName>
              <cas:tenant>68cbc86abc0123456789880d92f36422fa0e</cas:tenant>
            </cas:attributes>
          </cas:authenticationSuccess>
        </cas:serviceResponse>
        """;

    private static readonly CasUser ZhangSan = new("zhangsan01", "zhangsan01", "Zhang San", TenantRole.Admin, "10001", Tenant);

    private static async Task<AuthCenterResult<CasUser>> ValidateAsync(FakeMarketplace authCenter, CasFormat format = CasFormat.Xml)
    {
        await using var services = Build(authCenter);
        return await ClientOf(services).ValidateTicketAsync(Address, Service, Ticket, format, CancellationToken.None);
    }

    private static FakeMarketplace Answering(string body, HttpStatusCode status = HttpStatusCode.OK) => new(FakeMarketplace.Answer(status, body));

    [Theory]
    [InlineData(CasFormat.Xml, "XML")]
    [InlineData(CasFormat.Json, "JSON")]
    public async Task The_validation_names_service_ticket_and_format(CasFormat format, string sent)
    {
        var authCenter = Answering(SpecSuccess);

        await ValidateAsync(authCenter, format);

        var request = Assert.Single(authCenter.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal(
            "https://example.tenantaccount.com/api/v1/cas/p3/serviceValidate?service=https%3A%2F%2Fapp.example.com%2Fcas%3Ftenant%3D68cbc86abc0123456789880d92f36422fa0e"
            + $"&ticket=ST-1-abcDEF123&format={sent}",
            request.Uri.AbsoluteUri);
    }

    [Fact]
    public async Task The_spec_xml_success_is_read()
    {
        var result = await ValidateAsync(Answering(SpecSuccess));

        Assert.True(result.IsSuccess);
        Assert.Equal(ZhangSan, result.Value);
    }

    [Fact]
    public async Task A_json_success_is_read_with_attributes_as_strings_or_single_value_lists()
    {
        const string json = """
            {"serviceResponse":{"authenticationSuccess":{"user":"zhangsan01","attributes":{
              "role":["admin"],"organizationCode":"10001","name":"Zhang San","userName":"zhangsan01",
              "tenant":"68cbc86abc0123456789880d92f36422fa0e","isFromNewLogin":[true]}}}}
            """;

        var result = await ValidateAsync(Answering(json), CasFormat.Json);

        Assert.Equal(ZhangSan, result.Value);
    }

    [Theory]
    [InlineData("""<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas"><cas:authenticationFailure code="INVALID_TICKET">Ticket ST-1-abcDEF123 not recognized</cas:authenticationFailure></cas:serviceResponse>""",
        AuthCenterFailure.InvalidTicket, "INVALID_TICKET")]
    [InlineData("""<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas"><cas:authenticationFailure code="INVALID_SERVICE">Ticket ST-1-abcDEF123 does not match service</cas:authenticationFailure></cas:serviceResponse>""",
        AuthCenterFailure.InvalidService, "INVALID_SERVICE")]
    [InlineData("""<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas"><cas:authenticationFailure code="INVALID_REQUEST">missing ticket</cas:authenticationFailure></cas:serviceResponse>""",
        AuthCenterFailure.Refused, "INVALID_REQUEST")]
    [InlineData("""{"serviceResponse":{"authenticationFailure":{"code":"INVALID_TICKET","description":"Ticket ST-1-abcDEF123 not recognized"}}}""",
        AuthCenterFailure.InvalidTicket, "INVALID_TICKET")]
    [InlineData("""{"serviceResponse":{"authenticationFailure":{"code":"INVALID_SERVICE","description":"wrong service"}}}""",
        AuthCenterFailure.InvalidService, "INVALID_SERVICE")]
    public async Task A_refused_ticket_says_which_refusal_without_echoing_the_ticket(string body, AuthCenterFailure failure, string code)
    {
        var result = await ValidateAsync(Answering(body));

        Assert.Equal(failure, result.Failure);
        Assert.Equal(code, result.Error);
        Assert.Contains(code, result.Message);
        Assert.DoesNotContain(Ticket, result.Message);
        Assert.DoesNotContain(Ticket, result.ToString());
    }

    [Theory]
    [InlineData("", "the answer is empty")]
    [InlineData("<cas:serviceResponse xmlns:cas=\"http://www.yale.edu/tp/cas\">", "not well-formed XML")]
    [InlineData("<serviceResponse><authenticationSuccess/></serviceResponse>", "not cas:serviceResponse")]
    [InlineData("""<!DOCTYPE x [<!ENTITY e "ST">]><cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas"/>""", "not well-formed XML")]
    [InlineData("""<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas"><cas:authenticationSuccess><cas:user>u</cas:user><cas:attributes><cas:tenant>a</cas:tenant><cas:tenant>b</cas:tenant></cas:attributes></cas:authenticationSuccess></cas:serviceResponse>""",
        "cas:tenant is given more than once")]
    [InlineData("""<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas"><cas:authenticationSuccess><cas:user>u</cas:user></cas:authenticationSuccess></cas:serviceResponse>""",
        "the tenant attribute is missing")]
    [InlineData("""<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas"><cas:authenticationSuccess><cas:user>u</cas:user><cas:attributes><cas:tenant>a</cas:tenant></cas:attributes><cas:attributes><cas:tenant>b</cas:tenant></cas:attributes></cas:authenticationSuccess></cas:serviceResponse>""",
        "cas:attributes is given more than once")]
    [InlineData("""{"serviceResponse":{"authenticationSuccess":{"user":"u","attributes":{"tenant":"a","tenant":"b"}}}}""", "repeats the key 'tenant'")]
    [InlineData("""{"serviceResponse":{"authenticationSuccess":{"attributes":{"tenant":"a"}}}}""", "user is missing")]
    [InlineData("""{"serviceResponse":{"authenticationSuccess":{"user":"u","attributes":{"tenant":["a","b"]}}}}""", "tenant holds more than one value")]
    [InlineData("""{"serviceResponse":{}}""", "neither authenticationSuccess nor authenticationFailure")]
    public async Task An_unreadable_validation_answer_says_why(string body, string why)
    {
        var result = await ValidateAsync(Answering(body));

        Assert.Equal(AuthCenterFailure.Unreadable, result.Failure);
        Assert.Contains(why, result.Message);
    }

    [Fact]
    public async Task A_ticket_validation_is_never_retried()
    {
        var authCenter = new FakeMarketplace(FakeMarketplace.Answer(HttpStatusCode.InternalServerError, ""), FakeMarketplace.Answer(HttpStatusCode.OK, SpecSuccess));

        var result = await ValidateAsync(authCenter);

        Assert.Equal(AuthCenterFailure.Transient, result.Failure);
        Assert.Single(authCenter.Requests);
    }

    [Fact]
    public async Task A_ticket_validation_that_cannot_connect_is_transient_and_does_not_name_the_ticket()
    {
        var authCenter = new FakeMarketplace((request, _) =>
            Task.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.ConnectionError, $"Connection refused ({request.RequestUri})")));

        var result = await ValidateAsync(authCenter);

        Assert.Equal(AuthCenterFailure.Transient, result.Failure);
        Assert.DoesNotContain(Ticket, result.Message);
    }
}
