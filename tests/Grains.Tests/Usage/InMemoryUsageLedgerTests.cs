using Provisioning.Grains.Usage;
using Provisioning.Testing;

namespace Provisioning.Grains.Tests.Usage;

public sealed class InMemoryUsageLedgerTests : UsageLedgerContract
{
    protected override Task<IUsageLedger> CreateAsync() => Task.FromResult<IUsageLedger>(new InMemoryUsageLedger());
}
