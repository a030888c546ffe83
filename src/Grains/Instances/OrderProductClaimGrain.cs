namespace Provisioning.Grains.Instances;

/// <summary>The first instance that claims an (order, product) of a pay-per-use order keeps it, durably.</summary>
[GrainType("order-product-claim")]
internal sealed class OrderProductClaimGrain(
    [PersistentState("order-product-claim", StorageNames.Grains)] IPersistentState<OrderProductClaimState> state)
    : Grain, IOrderProductClaimGrain
{
    async Task<string> IOrderProductClaimGrain.Claim(string instanceId)
    {
        if (state.State.InstanceId is null)
        {
            state.State.InstanceId = instanceId;
            await state.WriteStateAsync();
        }

        return state.State.InstanceId;
    }
}

/// <summary>Which instance holds a pay-per-use (order, product).</summary>
[GenerateSerializer, Alias("prov.OrderProductClaimState")]
public sealed class OrderProductClaimState
{
    [Id(0)] public string? InstanceId { get; set; }
}
