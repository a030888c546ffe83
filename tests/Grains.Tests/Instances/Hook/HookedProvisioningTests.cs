using Provisioning.Grains.Instances;
using Provisioning.Testing;

namespace Provisioning.Grains.Tests.Instances.Hook;

/// <summary>V2 provisioning with the hook: after the order line, the seller's application; until it answers, the instance provisions.</summary>
[Collection(HookedClusterCollection.Name)]
public sealed class HookedProvisioningTests(HookedClusterFixture fixture)
{
    private static readonly ProvisionedTenant AppAccess = new("https://tenant-9.app.example.com/", "https://tenant-9.app.example.com/admin", "owner", "app-secret");

    private (ISaasInstanceGrain Grain, string InstanceId, ProvisionInstance Command) NewLine(TimeSpan? budget = null)
    {
        var orderId = Orders.NewOrderId();
        var lineId = orderId + "-000001";
        var instanceId = InstanceIds.Derive(OrderKey.ForOrderLine(orderId, lineId), Traffic.Live);
        return (fixture.Grains.GetInstance(new InstanceAddress(instanceId, Traffic.Live)), instanceId, new ProvisionInstance(orderId, lineId, budget ?? TimeSpan.FromSeconds(3)));
    }

    private static Task Eventually(ISaasInstanceGrain grain, InstanceStatus status) =>
        Testing.Eventually.True(async () => (await grain.Get())?.Status == status, $"the instance is {status}", TimeSpan.FromSeconds(10));

    [Fact]
    public async Task The_fetched_line_is_sent_to_the_application_and_opens_with_its_access()
    {
        var (grain, id, command) = NewLine();
        ScriptedOrders.Script(command.OrderId, line => Task.FromResult(ScriptedOrders.Line(command.OrderId, line, sku: "sku-gold")));
        ScriptedTenants.Script(id, _ => Task.FromResult(AppAccess));

        var reply = await grain.Provision(command);

        Assert.Equal(InstanceOutcome.Applied, reply.Outcome);
        Assert.Equal(AppAccess.AdminUrl, reply.Instance!.Access!.AdminUrl);
        var request = Assert.Single(ScriptedTenants.RequestsFor(id));
        Assert.Equal((command.OrderLineId, "sku-gold"), (request.OrderLineId, request.Plan.SkuCode));
        Assert.Equal([InstanceAction.Provision, InstanceAction.Open], (await grain.GetHistory()).Select(t => t.Action));
    }

    [Fact]
    public async Task A_slow_application_answers_in_progress_and_the_instance_opens_when_it_answers()
    {
        var (grain, id, command) = NewLine(TimeSpan.FromMilliseconds(200));
        var late = new TaskCompletionSource<ProvisionedTenant>();
        ScriptedTenants.Script(id, _ => late.Task);

        var reply = await grain.Provision(command);
        var polled = await grain.Provision(command);

        Assert.Equal(InstanceOutcome.InProgress, reply.Outcome);
        Assert.Equal(InstanceOutcome.InProgress, polled.Outcome);
        Assert.Equal(InstanceStatus.Provisioning, (await grain.Get())!.Status);
        late.SetResult(AppAccess);
        await Eventually(grain, InstanceStatus.Active);
        Assert.Equal("app-secret", (await grain.Get())!.Access!.Password);
        Assert.Single(ScriptedTenants.RequestsFor(id));
    }

    [Fact]
    public async Task A_failing_application_is_asked_again_by_the_reminder_with_the_same_id()
    {
        var (grain, id, command) = NewLine();
        var attempts = 0;
        ScriptedTenants.Script(id, _ => ++attempts == 1
            ? Task.FromException<ProvisionedTenant>(new InvalidOperationException("it did not answer within 10 s"))
            : Task.FromResult(AppAccess));

        var reply = await grain.Provision(command);

        Assert.Equal(InstanceOutcome.InProgress, reply.Outcome);
        Assert.Contains("last attempt failed: the seller application has not created the tenant: it did not answer within 10 s", reply.Message);
        await Eventually(grain, InstanceStatus.Active);
        Assert.Equal([$"provision_{id}", $"provision_{id}"], ScriptedTenants.RequestsFor(id).Select(r => r.RequestId));
        Assert.Equal(1, ScriptedOrders.CallsFor(command.OrderId));
    }

    [Fact]
    public async Task A_line_released_while_the_application_is_asked_never_opens()
    {
        var (grain, id, command) = NewLine(TimeSpan.Zero);
        var late = new TaskCompletionSource<ProvisionedTenant>();
        ScriptedTenants.Script(id, _ => late.Task);
        await grain.Provision(command);
        await Testing.Eventually.True(() => ScriptedTenants.RequestsFor(id).Count == 1, "the application was asked");

        var released = await grain.Release(new ReleaseInstance(command.OrderId, null));
        late.SetResult(AppAccess);
        await Task.Delay(1500);

        Assert.Equal(InstanceOutcome.Applied, released.Outcome);
        var snapshot = await grain.Get();
        Assert.Equal(InstanceStatus.Released, snapshot!.Status);
        Assert.Null(snapshot.Access);
        Assert.Single(ScriptedTenants.RequestsFor(id));
    }
}
