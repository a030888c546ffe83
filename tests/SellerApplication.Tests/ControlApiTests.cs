using System.Net;

namespace Provisioning.SellerApplication.Tests;

/// <summary>The <c>/simulator</c> control API shows what the fake received and queues faults, for the command mode and curl.</summary>
public sealed class ControlApiTests : FakeSellerApplicationFixture
{
    [Fact]
    public async Task Faults_queued_and_events_read_through_the_control_api_match_the_fake()
    {
        using var http = NewClient(TimeSpan.FromSeconds(10));
        var control = new FakeSellerApplicationControl(http);
        await control.InjectEventFaults(new FaultRule(DeliveryFault.Error, 1, "instance.opened"));
        await control.AnswerProvisioning(new AccessInfo("https://app.example", null, "admin", null));

        using var failed = await Sender.Deliver("evt-1", WebhookSender.Event("instance.opened", "i-1", version: 1));
        using var taken = await Sender.Deliver("evt-1", WebhookSender.Event("instance.opened", "i-1", version: 1));
        using var provisioned = await Sender.Provision("prov-1", "i-1");

        var events = await control.Events();
        var received = Assert.Single(events.Stream(EventStreams.Instance("i-1")));
        Assert.Equal(("evt-1", "instance.opened", 1L, 2), (received.Id, received.Type, received.Version!.Value, received.Deliveries));
        Assert.Equal("i-1", received.Data.GetProperty("instanceId").GetString());
        Assert.Equal(new FaultCounts(0, 1, 0, 0), await control.Faults());
        Assert.Equal("prov-1", Assert.Single((await control.Provisioning()).Events).Id);
        Assert.Equal("""{"frontEndUrl":"https://app.example","userName":"admin"}""", await provisioned.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_fault_rule_that_cannot_be_played_is_refused_with_400()
    {
        using var http = NewClient(TimeSpan.FromSeconds(10));
        using var response = await http.PostAsync("/simulator/faults/events",
            new StringContent("""{"fault":"late","count":1}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, App.EventFaults.Pending);
    }

    [Fact]
    public async Task Clearing_faults_empties_both_queues()
    {
        using var http = NewClient(TimeSpan.FromSeconds(10));
        var control = new FakeSellerApplicationControl(http);
        await control.InjectEventFaults(new FaultRule(DeliveryFault.Drop, 2));
        await control.InjectProvisioningFaults(new FaultRule(DeliveryFault.Late, 1, Delay: TimeSpan.FromSeconds(1)));

        await control.ClearFaults();

        Assert.Equal(new FaultCounts(0, 0, 0, 0), await control.Faults());
    }
}
