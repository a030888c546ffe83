using System.Net;
using System.Text;
using Provisioning.KooGallery.OpenApi.Licenses;

namespace Provisioning.KooGallery.Tests.OpenApi.Licenses;

public class SoftwareUsageClientTests
{
    private static FakeMarketplace Answering(string json) => new(FakeMarketplace.Answer(HttpStatusCode.OK, json));

    [Fact]
    public async Task The_spec_example_is_sent_byte_for_byte_with_the_capital_I_field_name()
    {
        var marketplace = Answering("""{"error_code":"92020000","error_msg":"success","data":{}}""");

        var answer = await LicenseApiHost.ReportAsync(marketplace,
            [new SoftwareUsage("PL12345678", ["user-001", "user-002"]), new SoftwareUsage("PL87654321", [], ActiveCount: 5)]);

        var request = Assert.Single(marketplace.Requests);
        Assert.Equal("/api/mkp-openapi-public/global/v2/license/software-usage-info", request.Uri.AbsolutePath);
        Assert.Equal(
            """{"usage_info":[{"license":"PL12345678","software_usage_Info":[{"id":"user-001"},{"id":"user-002"}]},{"license":"PL87654321","software_usage_Info":[{"active_num":5}]}]}""",
            Encoding.UTF8.GetString(request.Body));
        Assert.True(answer.Answer.IsSuccess);
        Assert.Empty(answer.RejectedCodes);
    }

    [Fact]
    public async Task Ids_and_a_count_of_one_code_are_separate_entries_each_with_one_member()
    {
        var marketplace = Answering("""{"error_code":"92020000","error_msg":"success"}""");

        await LicenseApiHost.ReportAsync(marketplace, [new SoftwareUsage("PL1", ["u"], ActiveCount: 2)]);

        Assert.Equal("""{"usage_info":[{"license":"PL1","software_usage_Info":[{"id":"u"},{"active_num":2}]}]}""", Encoding.UTF8.GetString(marketplace.Requests[0].Body));
    }

    [Theory]
    [InlineData("""{"check_fail_list":["PL2",{"license":"PL3","reason":"x"},{"license_code":"PL4"},7]}""")]
    [InlineData("""{"check_fail_license_list":["PL2","PL3"],"check_failed":[{"license_code":"PL4"}],"other":["PL9"]}""")]
    public async Task The_codes_of_the_check_failure_list_are_read_whatever_its_exact_name(string data)
    {
        var answer = await LicenseApiHost.ReportAsync(Answering($$"""{"error_code":"92020000","error_msg":"success","data":{{data}}}"""),
            [new SoftwareUsage("PL1", ["u"])]);

        Assert.True(answer.Answer.IsSuccess);
        Assert.Equal(["PL2", "PL3", "PL4"], answer.RejectedCodes);
    }

    [Fact]
    public async Task An_internal_error_is_transient_and_an_invalid_param_is_not()
    {
        var busy = await LicenseApiHost.ReportAsync(Answering("""{"error_code":"92020001","error_msg":"internal error"}"""), [new SoftwareUsage("PL1", ["u"])],
            LicenseApiHost.NoRetries());
        var invalid = await LicenseApiHost.ReportAsync(Answering("""{"error_code":"92020002","error_msg":"invalid param"}"""), [new SoftwareUsage("PL1", ["u"])]);

        Assert.Equal((LicenseAnswerKind.InternalError, true), (busy.Answer.Kind, busy.Answer.IsTransient));
        Assert.Equal((LicenseAnswerKind.InvalidRequest, false), (invalid.Answer.Kind, invalid.Answer.IsTransient));
    }

    public static TheoryData<SoftwareUsage[]> Unsendable => new()
    {
        Array.Empty<SoftwareUsage>(),
        Enumerable.Range(0, 101).Select(i => new SoftwareUsage($"PL{i}", ["u"])).ToArray(),
        new[] { new SoftwareUsage("PL1", []) },
        new[] { new SoftwareUsage("PL1", [""]) },
        new[] { new SoftwareUsage("PL1", [], ActiveCount: -1) },
        new[] { new SoftwareUsage("", ["u"]) },
    };

    [Theory]
    [MemberData(nameof(Unsendable))]
    public async Task A_report_that_breaks_the_rules_is_refused_before_anything_is_sent(SoftwareUsage[] usage)
    {
        var marketplace = Answering("""{"error_code":"92020000","error_msg":"success"}""");

        await Assert.ThrowsAsync<ArgumentException>(() => LicenseApiHost.ReportAsync(marketplace, usage));

        Assert.Empty(marketplace.Requests);
    }
}
