using Provisioning.Grains.Instances;
using Provisioning.Testing;

namespace Provisioning.Grains.Tests.Instances;

[Collection(ClusterCollection.Name)]
public sealed class ProvisioningTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);

    private (ISaasInstanceGrain Grain, InstanceAddress Address, ProvisionInstance Command) NewLine(Traffic traffic = Traffic.Live, string? orderId = null, string lineSuffix = "-000001")
    {
        orderId ??= Orders.NewOrderId();
        var lineId = orderId + lineSuffix;
        var address = new InstanceAddress(InstanceIds.Derive(OrderKey.ForOrderLine(orderId, lineId), traffic), traffic);
        return (fixture.Grains.GetInstance(address), address, new ProvisionInstance(orderId, lineId, Budget));
    }

    private static async Task<InstanceSnapshot> Eventually(ISaasInstanceGrain grain, Func<InstanceSnapshot?, bool> condition)
    {
        InstanceSnapshot? snapshot = null;
        await Testing.Eventually.True(async () => condition(snapshot = await grain.Get()), "the instance reached the expected state", TimeSpan.FromSeconds(10));
        return snapshot!;
    }

    [Fact]
    public async Task A_line_whose_customer_name_is_too_long_for_the_front_end_url_is_refused_on_every_repeat_and_stays_unopened()
    {
        var (grain, _, command) = NewLine();
        var line = ScriptedOrders.Line(command.OrderId, command.OrderLineId);
        ScriptedOrders.Script(command.OrderId, _ => Task.FromResult(line with { Buyer = line.Buyer with { CustomerName = new string('云', 64) } }));

        var first = await grain.Provision(command);
        var repeat = await grain.Provision(command);

        Assert.All([first, repeat], reply =>
        {
            Assert.Equal(InstanceOutcome.Refused, reply.Outcome);
            Assert.Contains("appInfo.frontEndUrl is 662 characters, over the limit of 512", reply.Message);
            Assert.Equal(InstanceStatus.Provisioning, reply.Instance!.Status);
            Assert.Null(reply.Instance.Access);
        });
        Assert.Equal([InstanceAction.Provision], (await grain.GetHistory()).Select(t => t.Action));
    }

    [Fact]
    public async Task A_line_whose_order_arrives_in_time_opens_with_what_the_order_bought()
    {
        var (grain, address, command) = NewLine();
        ScriptedOrders.Script(command.OrderId, line => Task.FromResult(ScriptedOrders.Line(command.OrderId, line, sku: "sku-gold", amount: 42)));

        var reply = await grain.Provision(command);

        Assert.Equal(InstanceOutcome.Applied, reply.Outcome);
        Assert.Equal(InstanceStatus.Active, reply.Instance!.Status);
        Assert.Equal(address.InstanceId, reply.Instance.InstanceId);
        Assert.Equal("sku-gold", reply.Instance.Plan!.SkuCode);
        Assert.Equal(42, reply.Instance.Plan.Quantities.Amount);
        Assert.NotNull(reply.Instance.Access!.Password);
        Assert.Equal([InstanceAction.Provision, InstanceAction.Open], (await grain.GetHistory()).Select(t => t.Action));
    }

    [Fact]
    public async Task A_repeated_line_returns_the_same_instance_without_asking_the_marketplace_again()
    {
        var (grain, _, command) = NewLine();
        var first = await grain.Provision(command);

        var repeat = await grain.Provision(command);

        Assert.Equal(InstanceOutcome.AlreadyApplied, repeat.Outcome);
        Assert.Equal(first.Instance!.Access, repeat.Instance!.Access);
        Assert.Equal(1, ScriptedOrders.CallsFor(command.OrderId));
    }

    [Fact]
    public async Task A_slow_order_answers_in_progress_within_the_budget_and_opens_later()
    {
        var (grain, _, command) = NewLine();
        var order = new TaskCompletionSource<Provisioning.Grains.Orders.OrderLine>();
        ScriptedOrders.Script(command.OrderId, _ => order.Task);

        var reply = await grain.Provision(command with { Budget = TimeSpan.FromMilliseconds(100) });

        Assert.Equal(InstanceOutcome.InProgress, reply.Outcome);
        Assert.Equal(InstanceStatus.Provisioning, (await grain.Get())!.Status);
        Assert.Equal(InstanceOutcome.InProgress, (await grain.Freeze(new FreezeInstance(null))).Outcome);

        order.SetResult(ScriptedOrders.Line(command.OrderId, command.OrderLineId));
        var opened = await Eventually(grain, s => s?.Status == InstanceStatus.Active);
        Assert.NotNull(opened.Access);
    }

    [Fact]
    public async Task A_failed_order_query_is_retried_by_the_reminder_until_it_succeeds()
    {
        var (grain, _, command) = NewLine();
        var attempts = 0;
        ScriptedOrders.Script(command.OrderId, line => ++attempts == 1
            ? throw new HttpRequestException("KooGallery order query unreachable")
            : Task.FromResult(ScriptedOrders.Line(command.OrderId, line)));

        var reply = await grain.Provision(command);

        Assert.Equal(InstanceOutcome.InProgress, reply.Outcome);
        Assert.Contains("unreachable", reply.Message);
        await Eventually(grain, s => s?.Status == InstanceStatus.Active);
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task A_line_released_while_provisioning_never_opens()
    {
        var (grain, _, command) = NewLine();
        var order = new TaskCompletionSource<Provisioning.Grains.Orders.OrderLine>();
        ScriptedOrders.Script(command.OrderId, _ => order.Task);
        await grain.Provision(command with { Budget = TimeSpan.Zero });

        var released = await grain.Release(new ReleaseInstance(command.OrderId, null));
        order.SetResult(ScriptedOrders.Line(command.OrderId, command.OrderLineId));
        await Task.Delay(300);

        Assert.Equal(InstanceOutcome.Applied, released.Outcome);
        var snapshot = await grain.Get();
        Assert.Equal(InstanceStatus.Released, snapshot!.Status);
        Assert.Null(snapshot.Access);
        Assert.Equal(InstanceOutcome.Released, (await grain.Provision(command)).Outcome);
    }

    [Fact]
    public async Task Pay_per_use_lines_of_one_order_and_product_share_one_instance()
    {
        var orderId = Orders.NewOrderId();
        var (first, firstAddress, firstCommand) = NewLine(orderId: orderId, lineSuffix: "-000001");
        var (second, _, secondCommand) = NewLine(orderId: orderId, lineSuffix: "-000002");
        ScriptedOrders.Script(orderId, line => Task.FromResult(ScriptedOrders.Line(orderId, line, ChargingMode.PayPerUse)));

        await first.Provision(firstCommand);
        var reply = await second.Provision(secondCommand);

        Assert.Equal(firstAddress.InstanceId, reply.Instance!.InstanceId);
        Assert.Equal(firstAddress.InstanceId, (await second.Get())!.InstanceId);
        await second.Freeze(new FreezeInstance(null));
        Assert.Equal(InstanceStatus.Frozen, (await first.Get())!.Status);
    }

    [Fact]
    public async Task Test_lines_open_deterministically_without_asking_the_marketplace()
    {
        var (grain, _, command) = NewLine(Traffic.Test);

        var reply = await grain.Provision(command);

        Assert.Equal(InstanceOutcome.Applied, reply.Outcome);
        Assert.Equal(0, ScriptedOrders.CallsFor(command.OrderId));
    }

    [Fact]
    public async Task A_plan_change_applies_what_the_change_order_bought_once()
    {
        var (grain, _, command) = NewLine();
        await grain.Provision(command);
        var change = Orders.NewOrderId();
        ScriptedOrders.Script(change, line => Task.FromResult(ScriptedOrders.Line(change, line, productId: "p-pro", sku: "sku-pro", amount: 50)));

        var applied = await grain.ChangePlan(new ChangePlan(change, change + "-000001"));
        var repeat = await grain.ChangePlan(new ChangePlan(change, change + "-000001"));

        Assert.Equal(InstanceOutcome.Applied, applied.Outcome);
        Assert.Equal(InstanceOutcome.AlreadyApplied, repeat.Outcome);
        Assert.Equal(new Quantities(50, null, null), applied.Instance!.Plan!.Quantities);
        Assert.Equal("sku-pro", applied.Instance.Plan.SkuCode);
    }

    [Fact]
    public async Task A_renewal_with_change_moves_the_expiry_and_applies_the_new_plan()
    {
        var (grain, _, command) = NewLine();
        await grain.Provision(command);
        var renewal = Orders.NewOrderId();
        ScriptedOrders.Script(renewal, line => Task.FromResult(ScriptedOrders.Line(renewal, line, sku: "sku-renewed")));
        var expiry = new DateTimeOffset(2029, 1, 1, 0, 0, 0, TimeSpan.Zero);

        var reply = await grain.Renew(new RenewInstance(renewal, expiry, RenewalKind.RenewalWithChange, null, null, null, null, renewal + "-000001"));

        Assert.Equal(InstanceOutcome.Applied, reply.Outcome);
        Assert.Equal(expiry, reply.Instance!.ExpiresAt);
        Assert.Equal("sku-renewed", reply.Instance.Plan!.SkuCode);
    }

    [Fact]
    public async Task A_plan_change_check_allows_live_instances_and_knows_unknown_ones()
    {
        var (grain, _, command) = NewLine();
        var check = new CheckPlanChange("p-2", "sku-2", 10);
        Assert.Equal(InstanceOutcome.NotFound, (await grain.CheckPlanChange(check)).Outcome);

        await grain.Provision(command);

        Assert.Equal(InstanceOutcome.Allowed, (await grain.CheckPlanChange(check)).Outcome);
    }
}
