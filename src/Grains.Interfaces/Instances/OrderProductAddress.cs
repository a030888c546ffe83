namespace Provisioning.Grains.Instances;

/// <summary>Which pay-per-use product of which order a claim is for, in its traffic namespace.</summary>
public readonly record struct OrderProductAddress(string OrderId, string ProductId, Traffic Traffic)
{
    /// <summary>The claim grain's key: <c>{live|test}/{orderId}/{productId}</c>.</summary>
    public string GrainKey => TrafficKey.Of(Traffic, $"{OrderId}/{ProductId}");
}
