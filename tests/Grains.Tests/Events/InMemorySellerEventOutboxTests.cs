using Provisioning.Grains.Events;
using Provisioning.Testing;

namespace Provisioning.Grains.Tests.Events;

public sealed class InMemorySellerEventOutboxTests : SellerEventOutboxContract
{
    protected override Task<(ISellerEventOutbox Outbox, ISellerEventDelivery Delivery, ISellerEventOutboxOperations Operations)> CreateAsync()
    {
        var outbox = new InMemorySellerEventOutbox(TimeProvider.System, new SellerEventNudge());
        return Task.FromResult<(ISellerEventOutbox, ISellerEventDelivery, ISellerEventOutboxOperations)>((outbox, outbox, outbox));
    }
}
