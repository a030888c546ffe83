using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Provisioning.Grains;
using Provisioning.Grains.CallHistory;
using Provisioning.Grains.Instances;
using Provisioning.KooGallery;
using Provisioning.Testing;

namespace Provisioning.Gateway.Tests.KooGallery.History;

/// <summary>An audit write never fails the marketplace: with a call history that cannot store, callbacks answer as decided.</summary>
public sealed class FailingHistoryTests : IClassFixture<FailingHistoryTests.Gateway>
{
    private readonly Gateway _gateway;

    public FailingHistoryTests(Gateway gateway) => _gateway = gateway;

    [Fact]
    public async Task A_call_history_that_fails_does_not_fail_the_callback()
    {
        var marketplace = new V1Client(_gateway.CreateClient());

        var opened = await marketplace.Call("newInstance", V1Orders.NewInstance(V1Orders.NewOrderId()));

        Assert.Equal(ResultCodes.Success, opened.ResultCode);
        var instance = await _gateway.Services.GetRequiredService<IGrainFactory>().GetInstance(new InstanceAddress(opened["instanceId"]!, Traffic.Live)).Get();
        Assert.Equal(InstanceStatus.Active, instance!.Status);
        Assert.True(_gateway.History.Attempts > 0);
    }

    public sealed class Gateway : GatewayFactory
    {
        public RefusingHistory History { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<ICallHistory>(History));
        }
    }

    /// <summary>A store that refuses every write, as PostgreSQL does when its disk is full.</summary>
    public sealed class RefusingHistory : ICallHistory
    {
        private int _attempts;

        public int Attempts => _attempts;

        public Task AppendAsync(IReadOnlyList<CallHistoryEntry> entries, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _attempts);
            return Task.FromException(new InvalidOperationException("53100: could not extend file: No space left on device"));
        }

        public Task<IReadOnlyList<RecordedCall>> ReadAsync(InstanceAddress instance, int limit, CallHistoryPosition? after, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<RecordedCall>>([]);

        public Task<IReadOnlyList<CallCount>> CountSinceAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<CallCount>>([]);

        public Task<long> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken) => Task.FromResult(0L);
    }
}
