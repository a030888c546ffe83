using System.Net;
using System.Net.Http.Json;

namespace Provisioning.SellerApplication.Tests;

/// <summary>The provisioning hook verifies signatures as the events endpoint does, answers access info, and plays its own faults.</summary>
public sealed class ProvisioningHookTests : FakeSellerApplicationFixture
{
    [Fact]
    public async Task A_signed_request_is_answered_with_the_access_info_set()
    {
        App.ProvisioningAnswer.Access = new AccessInfo("https://app.example/t1", "https://app.example/t1/admin", "admin", "s3cret");

        using var response = await Sender.Provision("prov-1", "i-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var access = await response.Content.ReadFromJsonAsync<AccessInfo>();
        Assert.Equal(new AccessInfo("https://app.example/t1", "https://app.example/t1/admin", "admin", "s3cret"), access);
        var request = Assert.Single(App.Provisioning.Snapshot().Stream(EventStreams.Instance("i-1")));
        Assert.Equal(("prov-1", "instance.provision"), (request.Id, request.Type));
        Assert.Empty(App.Events.Snapshot().Events);
    }

    [Fact]
    public async Task Without_access_info_the_answer_is_an_empty_204()
    {
        using var response = await Sender.Provision("prov-1", "i-1");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task A_request_signed_with_another_secret_is_refused()
    {
        using var response = await Sender.Post(FakeSellerApplication.ProvisioningPath, "prov-1", WebhookSender.Event("instance.provision", "i-1"),
            signingSecret: "whsec_" + Convert.ToBase64String(new byte[32]));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(new Refusals(0, 0, 1, 0), App.Provisioning.Snapshot().Refused);
        Assert.Empty(App.Provisioning.Snapshot().Events);
    }

    [Fact]
    public async Task A_silent_hook_holds_past_the_callers_deadline_having_taken_the_request()
    {
        App.ProvisioningFaults.Inject(new FaultRule(DeliveryFault.Silent, 1));
        using var caller = NewClient(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<TaskCanceledException>(() => new WebhookSender(caller, Secret).Provision("prov-1", "i-1"));

        Assert.Single(App.Provisioning.Snapshot().Events);
        using var retried = await Sender.Provision("prov-1", "i-1");
        Assert.Equal(HttpStatusCode.NoContent, retried.StatusCode);
        Assert.Equal(2, Assert.Single(App.Provisioning.Snapshot().Events).Deliveries);
    }

    [Fact]
    public async Task Provisioning_faults_do_not_touch_event_deliveries()
    {
        App.ProvisioningFaults.Inject(new FaultRule(DeliveryFault.Error, 1));

        using var delivered = await Sender.Deliver("evt-1", WebhookSender.Event("instance.opened", "i-1"));
        using var provisioned = await Sender.Provision("prov-1", "i-1");

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.InternalServerError), (delivered.StatusCode, provisioned.StatusCode));
    }
}
