using Provisioning.Grains.Tenants;
using Provisioning.Testing;

namespace Provisioning.Grains.Tests.Tenants;

public sealed class InMemoryTenantDirectoryTests : TenantDirectoryContract
{
    protected override Task<ITenantDirectory> CreateAsync() => Task.FromResult<ITenantDirectory>(new InMemoryTenantDirectory());
}
