using System.Reflection;

namespace Provisioning.KooGallery.Tests.Wire;

public class ResultCodesTests
{
    [Theory]
    [InlineData(ResultCodes.Success, "000000")]
    [InlineData(ResultCodes.AuthenticationFailed, "000001")]
    [InlineData(ResultCodes.InvalidParameter, "000002")]
    [InlineData(ResultCodes.InstanceNotFound, "000003")]
    [InlineData(ResultCodes.InProgress, "000004")]
    [InlineData(ResultCodes.InternalError, "000005")]
    [InlineData(ResultCodes.NoInstanceResource, "000100")]
    [InlineData(ResultCodes.MobileUnavailable, "000101")]
    [InlineData(ResultCodes.EmailUnavailable, "000102")]
    [InlineData(ResultCodes.RepeatPurchase, "000103")]
    [InlineData(ResultCodes.ProductError, "000104")]
    [InlineData(ResultCodes.AlreadySubscribed, "000105")]
    [InlineData(ResultCodes.SoldOut, "000106")]
    [InlineData(ResultCodes.EmailDomainExists, "000107")]
    public void Each_code_has_the_wire_value_of_the_spec_table(string code, string wire) =>
        Assert.Equal(wire, code);

    [Fact]
    public void Every_code_is_six_digits_and_distinct()
    {
        var codes = typeof(ResultCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        Assert.Equal(14, codes.Count);
        Assert.All(codes, c => Assert.Matches("^[0-9]{6}$", c));
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }
}
