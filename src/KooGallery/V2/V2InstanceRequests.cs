using System.Text.Json;

namespace Provisioning.KooGallery.V2;

/// <summary>V2 <c>queryInstance</c>: up to 100 comma-separated instance ids (spec §2.2), read as in V1.</summary>
public sealed record V2QueryInstanceRequest(IReadOnlyList<string> InstanceIds)
{
    public static Parsed<V2QueryInstanceRequest> Parse(JsonElement root)
    {
        var f = new FieldReader(root);
        // The §2.2 table gives 100 characters, which cannot hold the 100 ids it allows; V1's limits apply instead.
        var ids = InstanceIdList.Split(f.Required(InstanceIdList.FieldName, InstanceIdList.MaxTextLength), out var error);
        if (error is not null) f.Fail(error, 0);
        return Parsed<V2QueryInstanceRequest>.From(new V2QueryInstanceRequest(ids), f);
    }
}

/// <summary>V2 <c>refreshInstance</c>: the expiry moves after a renewal, a trial conversion or a cancelled renewal (spec §2.3).</summary>
public sealed record V2RefreshInstanceRequest(
    string InstanceId, string OrderId, string OrderLineId, RefreshScene Scene, string? ProductId, DateTimeOffset ExpireTime)
{
    public static Parsed<V2RefreshInstanceRequest> Parse(JsonElement root)
    {
        var f = new FieldReader(root);
        var request = new V2RefreshInstanceRequest(
            f.Required("instanceId", 64),
            f.Required("orderId", 64),
            f.Required("orderLineId", 64),
            RefreshScenes.Read(f, "scene"),
            f.Optional("productId", 64),
            f.RequiredTime("expireTime"));
        return Parsed<V2RefreshInstanceRequest>.From(request, f);
    }
}

/// <summary>V2 <c>updateInstanceStatus</c>: freeze (<c>FREEZE</c>) or unfreeze (<c>UNFREEZE</c>) the instance (spec §2.4).</summary>
public sealed record V2UpdateInstanceStatusRequest(string InstanceId, bool Freeze)
{
    public static Parsed<V2UpdateInstanceStatusRequest> Parse(JsonElement root)
    {
        var f = new FieldReader(root);
        var instanceId = f.Required("instanceId", 64);
        var freeze = f.Required("status", 32) switch
        {
            "FREEZE" => true,
            "UNFREEZE" => false,
            "" => false,
            var other => f.Fail($"status '{other}' is not FREEZE or UNFREEZE", false),
        };
        return Parsed<V2UpdateInstanceStatusRequest>.From(new V2UpdateInstanceStatusRequest(instanceId, freeze), f);
    }
}

/// <summary>V2 <c>releaseInstance</c>: delete the instance; the order is present when an unsubscription caused it (spec §2.5).</summary>
public sealed record V2ReleaseInstanceRequest(string InstanceId, string? OrderId, string? OrderLineId)
{
    public static Parsed<V2ReleaseInstanceRequest> Parse(JsonElement root)
    {
        var f = new FieldReader(root);
        var request = new V2ReleaseInstanceRequest(f.Required("instanceId", 64), f.Optional("orderId", 64), f.Optional("orderLineId", 64));
        return Parsed<V2ReleaseInstanceRequest>.From(request, f);
    }
}

/// <summary>V2 <c>upgradeInstance</c>: the same instance gets the specification of a change order (spec §2.6).</summary>
public sealed record V2UpgradeInstanceRequest(string InstanceId, string OrderId, string OrderLineId)
{
    public static Parsed<V2UpgradeInstanceRequest> Parse(JsonElement root)
    {
        var f = new FieldReader(root);
        var request = new V2UpgradeInstanceRequest(f.Required("instanceId", 64), f.Required("orderId", 64), f.Required("orderLineId", 64));
        return Parsed<V2UpgradeInstanceRequest>.From(request, f);
    }
}
