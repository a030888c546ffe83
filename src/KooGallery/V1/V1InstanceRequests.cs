namespace Provisioning.KooGallery.V1;

/// <summary>V1 <c>refreshInstance</c>: renewal, trial conversion or cancelled renewal period (spec §1.2).</summary>
public sealed record V1RefreshInstanceRequest(
    string OrderId, string InstanceId, string? ProductId, DateTimeOffset ExpireTime, bool TrialToFormal,
    string? PeriodType, int? PeriodNumber, decimal? OrderAmount)
{
    public static Parsed<V1RefreshInstanceRequest> Parse(IReadOnlyDictionary<string, string> parameters)
    {
        var p = new ParameterReader(parameters);
        var request = new V1RefreshInstanceRequest(
            p.Required("orderId", 64),
            p.Required("instanceId", 64),
            p.Optional("productId", 64),
            p.RequiredTime("expireTime"),
            p.Flag("trialToFormal"),
            p.Optional("periodType", 10),
            p.OptionalInt("periodNumber"),
            p.OptionalDecimal("orderAmount", 20));
        return Parsed<V1RefreshInstanceRequest>.From(request, p);
    }
}

/// <summary>V1 <c>expireInstance</c>: freeze, keep data (spec §1.3).</summary>
public sealed record V1ExpireInstanceRequest(string InstanceId, string OrderId)
{
    public static Parsed<V1ExpireInstanceRequest> Parse(IReadOnlyDictionary<string, string> parameters)
    {
        var p = new ParameterReader(parameters);
        var request = new V1ExpireInstanceRequest(p.Required("instanceId", 64), p.Required("orderId", 64));
        return Parsed<V1ExpireInstanceRequest>.From(request, p);
    }
}

/// <summary>V1 <c>releaseInstance</c>: delete the instance (spec §1.4).</summary>
public sealed record V1ReleaseInstanceRequest(string InstanceId, string OrderId, decimal? OrderAmount)
{
    public static Parsed<V1ReleaseInstanceRequest> Parse(IReadOnlyDictionary<string, string> parameters)
    {
        var p = new ParameterReader(parameters);
        var request = new V1ReleaseInstanceRequest(p.Required("instanceId", 64), p.Required("orderId", 64), p.OptionalDecimal("orderAmount", 20));
        return Parsed<V1ReleaseInstanceRequest>.From(request, p);
    }
}

/// <summary>V1 <c>upgrade</c>: new specification or linear quantities under the same instance (spec §1.5).</summary>
public sealed record V1UpgradeRequest(string InstanceId, string OrderId, string SkuCode, string ProductId, int? Amount, int? DiskSize, int? BandWidth)
{
    public static Parsed<V1UpgradeRequest> Parse(IReadOnlyDictionary<string, string> parameters)
    {
        var p = new ParameterReader(parameters);
        var request = new V1UpgradeRequest(
            p.Required("instanceId", 64),
            p.Required("orderId", 64),
            p.Required("skuCode", 64),
            p.Required("productId", 64),
            p.OptionalInt("amount"),
            p.OptionalInt("diskSize"),
            p.OptionalInt("bandWidth"));
        return Parsed<V1UpgradeRequest>.From(request, p);
    }
}

/// <summary>V1 <c>instanceStatus</c>: pay-per-use freeze (<c>FREEZE</c>) or restore (<c>NORMAL</c>) (spec §1.6).</summary>
public sealed record V1InstanceStatusRequest(string InstanceId, bool Freeze)
{
    public static Parsed<V1InstanceStatusRequest> Parse(IReadOnlyDictionary<string, string> parameters)
    {
        var p = new ParameterReader(parameters);
        var instanceId = p.Required("instanceId", 64);
        var freeze = p.Required("instanceStatus", 32) switch
        {
            "FREEZE" => true,
            "NORMAL" => false,
            "" => false,
            var other => p.Fail($"instanceStatus '{other}' is not FREEZE or NORMAL", false),
        };
        return Parsed<V1InstanceStatusRequest>.From(new V1InstanceStatusRequest(instanceId, freeze), p);
    }
}

/// <summary>V1 <c>queryInstance</c>: up to 100 comma-separated instance ids (spec §1.7).</summary>
public sealed record V1QueryInstanceRequest(IReadOnlyList<string> InstanceIds)
{
    public const int MaxIds = InstanceIdList.MaxIds;

    public static Parsed<V1QueryInstanceRequest> Parse(IReadOnlyDictionary<string, string> parameters)
    {
        var p = new ParameterReader(parameters);
        var ids = InstanceIdList.Split(p.Required(InstanceIdList.FieldName, InstanceIdList.MaxTextLength), out var error);
        if (error is not null) p.Fail(error, 0);
        return Parsed<V1QueryInstanceRequest>.From(new V1QueryInstanceRequest(ids), p);
    }
}
