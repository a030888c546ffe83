using Provisioning.KooGallery.Licenses;

namespace Provisioning.KooGallery.Tests.Licenses;

public class LicenseRequestTests
{
    private static Dictionary<string, string> With(Dictionary<string, string> parameters, string name, string? value)
    {
        if (value is null) parameters.Remove(name);
        else parameters[name] = value;
        return parameters;
    }

    [Fact]
    public void The_example_getLicense_parses_and_ignores_unknown_parameters()
    {
        var parameters = LicenseExample.Parameters();
        parameters["expireTime"] = "20250317144237";
        parameters["amount"] = "5";
        parameters["periodType"] = "year";
        parameters["somethingNew"] = "x";

        var request = GetLicenseRequest.Parse(parameters).Request!;

        Assert.Equal("CS2403171442ABCDE", request.OrderId);
        Assert.Equal(LicenseExample.InstanceId, request.BusinessId);
        Assert.Equal("68805512345678901234567890abcdef", request.CustomerId);
        Assert.Equal("demo_user", request.CustomerName);
        Assert.Equal("00301-123456-0--0", request.ProductId);
        Assert.Equal("a63ee5c9-4f86-11ed-9f95-fa163e8cb3b2", request.SkuCode);
        Assert.Equal(new DateTimeOffset(2025, 3, 17, 14, 42, 37, TimeSpan.Zero), request.ExpireTime);
        Assert.Equal(5, request.Amount);
        Assert.Equal("year", request.PeriodType);
    }

    [Fact]
    public void A_perpetual_getLicense_has_no_expiry()
    {
        Assert.Null(GetLicenseRequest.Parse(LicenseExample.Parameters()).Request!.ExpireTime);
    }

    [Theory]
    [InlineData("orderId", null, "orderId is missing")]
    [InlineData("businessId", "", "businessId is missing")]
    [InlineData("customerId", null, "customerId is missing")]
    [InlineData("productId", null, "productId is missing")]
    [InlineData("expireTime", "2025-03-17", "expireTime '2025-03-17' is not a UTC time")]
    [InlineData("amount", "many", "amount 'many' is not an integer")]
    public void A_getLicense_with_a_bad_parameter_names_it(string name, string? value, string error)
    {
        var parsed = GetLicenseRequest.Parse(With(LicenseExample.Parameters(), name, value));

        Assert.Null(parsed.Request);
        Assert.StartsWith(error, parsed.Error);
    }

    [Theory]
    [InlineData("orderId", 64)]
    [InlineData("customerId", 100)]
    [InlineData("customerName", 64)]
    [InlineData("skuCode", 64)]
    public void A_getLicense_parameter_longer_than_the_spec_allows_is_refused(string name, int maxLength)
    {
        Assert.NotNull(GetLicenseRequest.Parse(With(LicenseExample.Parameters(), name, new string('a', maxLength))).Request);
        Assert.Equal($"{name} is longer than {maxLength} characters", GetLicenseRequest.Parse(With(LicenseExample.Parameters(), name, new string('a', maxLength + 1))).Error);
    }

    private static Dictionary<string, string> Refresh() => new()
    {
        ["activity"] = "refreshLicense",
        ["instanceId"] = LicenseExample.InstanceId,
        ["orderId"] = "CS2503171442RENEW",
        ["expireTime"] = "20260317144237",
        ["periodType"] = "year",
        ["periodNumber"] = "1",
        ["timeStamp"] = "20250317144237123",
    };

    [Fact]
    public void The_example_refreshLicense_parses()
    {
        var request = RefreshLicenseRequest.Parse(Refresh()).Request!;

        Assert.Equal(new RefreshLicenseRequest("CS2503171442RENEW", LicenseExample.InstanceId, null, new DateTimeOffset(2026, 3, 17, 14, 42, 37, TimeSpan.Zero), "year", 1), request);
    }

    [Theory]
    [InlineData("expireTime", null, "expireTime is missing")]
    [InlineData("expireTime", "tomorrow", "expireTime 'tomorrow' is not a UTC time")]
    [InlineData("instanceId", null, "instanceId is missing")]
    [InlineData("orderId", null, "orderId is missing")]
    [InlineData("periodNumber", "123", "periodNumber is longer than 2 characters")]
    public void A_refreshLicense_with_a_bad_parameter_names_it(string name, string? value, string error)
    {
        var parsed = RefreshLicenseRequest.Parse(With(Refresh(), name, value));

        Assert.Null(parsed.Request);
        Assert.StartsWith(error, parsed.Error);
    }

    [Fact]
    public void An_expireLicense_needs_the_instance_and_the_order()
    {
        var parameters = new Dictionary<string, string> { ["instanceId"] = "i-1", ["orderId"] = "CS1", ["testFlag"] = "1" };

        Assert.Equal(new ExpireLicenseRequest("i-1", "CS1"), ExpireLicenseRequest.Parse(parameters).Request);
        Assert.Equal("orderId is missing", ExpireLicenseRequest.Parse(With(parameters, "orderId", null)).Error);
        Assert.Equal("instanceId is longer than 64 characters", ExpireLicenseRequest.Parse(With(parameters, "instanceId", new string('i', 65))).Error);
    }

    [Fact]
    public void A_releaseLicense_needs_the_instance_and_may_come_without_an_order()
    {
        var parameters = new Dictionary<string, string> { ["instanceId"] = "i-1" };

        Assert.Equal(new ReleaseLicenseRequest("i-1", null), ReleaseLicenseRequest.Parse(parameters).Request);
        Assert.Equal(new ReleaseLicenseRequest("i-1", "CS1"), ReleaseLicenseRequest.Parse(With(parameters, "orderId", "CS1")).Request);
        Assert.Equal("instanceId is missing", ReleaseLicenseRequest.Parse(new Dictionary<string, string>()).Error);
    }

    [Fact]
    public void The_activities_are_the_four_of_the_guide()
    {
        Assert.Equal(["expireLicense", "getLicense", "refreshLicense", "releaseLicense"], LicenseActivities.All.Order(StringComparer.Ordinal));
    }
}
