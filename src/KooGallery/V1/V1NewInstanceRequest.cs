namespace Provisioning.KooGallery.V1;

/// <summary>V1 <c>newInstance</c>: a buyer paid for a new instance (spec §1.1). Mobile phone and email are still encrypted.</summary>
public sealed record V1NewInstanceRequest(
    string BusinessId,
    string OrderId,
    string CustomerId,
    string? CustomerName,
    string? UserId,
    string? UserName,
    string? EncryptedMobilePhone,
    string? EncryptedEmail,
    string ProductId,
    string? SkuCode,
    bool Trial,
    DateTimeOffset? ExpireTime,
    V1ChargingMode? ChargingMode,
    IReadOnlyList<ExtendParam> ExtendParams,
    int? Amount,
    int? DiskSize,
    int? BandWidth,
    string? PeriodType,
    int? PeriodNumber,
    decimal? OrderAmount)
{
    public static Parsed<V1NewInstanceRequest> Parse(IReadOnlyDictionary<string, string> parameters)
    {
        var p = new ParameterReader(parameters);
        var request = new V1NewInstanceRequest(
            p.Required("businessId", 64),
            p.Required("orderId", 64),
            p.Required("customerId", 100),
            p.Optional("customerName", 64),
            p.Optional("userId", 64),
            p.Optional("userName", 64),
            p.Optional("mobilePhone", 512),
            p.Optional("email", 512),
            p.Required("productId", 64),
            p.Optional("skuCode", 64),
            p.Flag("trialFlag"),
            p.OptionalTime("expireTime"),
            V1ChargingModes.Read(p, "chargingMode"),
            ReadExtendParams(p, parameters),
            p.OptionalInt("amount"),
            p.OptionalInt("diskSize"),
            p.OptionalInt("bandWidth"),
            p.Optional("periodType", 10),
            p.OptionalInt("periodNumber"),
            p.OptionalDecimal("orderAmount", 20));
        return Parsed<V1NewInstanceRequest>.From(request, p);
    }

    private static IReadOnlyList<ExtendParam> ReadExtendParams(ParameterReader p, IReadOnlyDictionary<string, string> parameters)
    {
        if (p.Optional("saasExtendParams", 2048) is null) return [];
        return SaasExtendParams.TryDecode(parameters["saasExtendParams"], out var decoded, out var error)
            ? decoded
            : p.Fail<IReadOnlyList<ExtendParam>>($"saasExtendParams is invalid: {error}", []);
    }
}
