using Provisioning.Grains.Events;
using Provisioning.Grains.Tenants;
using Provisioning.Testing;

namespace Provisioning.Grains.Tests.Tenants;

public sealed class InMemoryTenantDirectoryTests : TenantDirectoryContract
{
    private readonly InMemorySellerEventOutbox _outbox = new(TimeProvider.System, new SellerEventNudge());

    protected override Task<ITenantDirectory> CreateAsync() => Task.FromResult<ITenantDirectory>(new InMemoryTenantDirectory(_outbox));

    protected override Task<IReadOnlyList<string>> RecordedEventsAsync() => Task.FromResult<IReadOnlyList<string>>([.. _outbox.Events.Select(e => e.EventId)]);
}
