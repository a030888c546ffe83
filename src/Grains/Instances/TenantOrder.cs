namespace Provisioning.Grains.Instances;

/// <summary>
/// What the seller's application is told about the instance whose tenant it creates: ids, what was bought and until when. No
/// buyer contact data (names, phone, e-mail) leaves the backend this way.
/// </summary>
public sealed record TenantOrder(
    string InstanceId,
    Traffic Traffic,
    string OrderId,
    string? OrderLineId,
    string CustomerId,
    Plan Plan,
    bool Trial,
    DateTimeOffset? ExpiresAt)
{
    /// <summary>The id of the request for this instance: the same on every repeat, so the application can recognise one.</summary>
    public string RequestId => $"provision_{InstanceId}";

    /// <summary>The order of an instance about to open.</summary>
    public static TenantOrder Of(InstanceAddress address, OpenInstance command, string? orderLineId) =>
        new(address.InstanceId, address.Traffic, command.OrderId, orderLineId, command.Buyer.CustomerId, command.Plan, command.Trial, command.ExpiresAt);
}
