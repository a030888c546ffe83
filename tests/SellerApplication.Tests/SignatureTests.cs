using System.Net;
using System.Security.Cryptography;

namespace Provisioning.SellerApplication.Tests;

/// <summary>Every delivery's Standard Webhooks signature is verified before anything is taken; refusals are counted by reason.</summary>
public sealed class SignatureTests : FakeSellerApplicationFixture
{
    private const string Path = FakeSellerApplication.EventsPath;

    [Fact]
    public async Task A_correctly_signed_event_is_taken_into_its_instance_stream()
    {
        using var response = await Sender.Deliver("evt-1", WebhookSender.Event("instance.opened", "i-1", version: 1));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var received = Assert.Single(App.Events.Snapshot().Stream(EventStreams.Instance("i-1")));
        Assert.Equal(("evt-1", "instance.opened", 1L), (received.Id, received.Type, received.Version!.Value));
        Assert.Equal(0, App.Events.Snapshot().Refused.Total);
    }

    [Fact]
    public async Task Test_traffic_and_tenant_events_go_to_their_own_streams()
    {
        using var test = await Sender.Deliver("evt-t", WebhookSender.Event("instance.opened", "i-1", test: true));
        using var tenant = await Sender.Deliver("evt-tenant", """{"type":"tenant.synced","timestamp":"2026-12-01T10:00:00Z","data":{"tenantId":"t-1","test":false}}""");

        var snapshot = App.Events.Snapshot();
        Assert.Equal("evt-t", Assert.Single(snapshot.Stream(EventStreams.Instance("i-1", test: true))).Id);
        Assert.Equal("evt-tenant", Assert.Single(snapshot.Stream(EventStreams.Tenant("t-1"))).Id);
        Assert.Empty(snapshot.Stream(EventStreams.Instance("i-1")));
    }

    [Fact]
    public async Task An_event_signed_with_another_secret_is_refused_and_not_taken()
    {
        var other = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

        using var response = await Sender.Post(Path, "evt-1", WebhookSender.Event("instance.opened", "i-1"), signingSecret: other);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        AssertRefusedOnly(new Refusals(0, 0, 1, 0));
    }

    [Fact]
    public async Task A_body_changed_after_signing_is_refused()
    {
        var signed = WebhookSender.Event("instance.opened", "i-1");
        var tampered = WebhookSender.Event("instance.released", "i-1");

        using var response = await Sender.Post(Path, "evt-1", tampered, signedBody: signed);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        AssertRefusedOnly(new Refusals(0, 0, 1, 0));
    }

    [Theory]
    [InlineData(-6 * 60)]
    [InlineData(6 * 60)]
    public async Task A_timestamp_more_than_five_minutes_from_the_clock_is_refused_as_stale(int offsetSeconds)
    {
        using var response = await Sender.Post(Path, "evt-1", WebhookSender.Event("instance.opened", "i-1"), DateTimeOffset.UtcNow.AddSeconds(offsetSeconds));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        AssertRefusedOnly(new Refusals(0, 1, 0, 0));
    }

    [Fact]
    public async Task A_timestamp_four_minutes_old_is_still_taken()
    {
        using var response = await Sender.Post(Path, "evt-1", WebhookSender.Event("instance.opened", "i-1"), DateTimeOffset.UtcNow.AddMinutes(-4));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Single(App.Events.Snapshot().Events);
    }

    [Theory]
    [InlineData("webhook-id")]
    [InlineData("webhook-timestamp")]
    [InlineData("webhook-signature")]
    public async Task A_delivery_without_one_of_the_three_headers_is_refused(string missing)
    {
        using var http = NewClient(TimeSpan.FromSeconds(10));
        using var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new StringContent(WebhookSender.Event("instance.opened", "i-1")) };
        foreach (var header in new[] { "webhook-id", "webhook-timestamp", "webhook-signature" }.Where(h => h != missing))
        {
            request.Headers.Add(header, header == "webhook-timestamp" ? DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString() : "v1,AAAA");
        }

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        AssertRefusedOnly(new Refusals(1, 0, 0, 0));
    }

    [Theory]
    [InlineData("""{"type":"instance.opened","data":{"test":false}}""")]
    [InlineData("""{"type":"instance.opened"}""")]
    [InlineData("not json")]
    public async Task A_signed_body_that_is_not_an_event_naming_an_instance_or_tenant_is_refused_with_400(string body)
    {
        using var response = await Sender.Deliver("evt-1", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertRefusedOnly(new Refusals(0, 0, 0, 1));
    }

    private void AssertRefusedOnly(Refusals expected)
    {
        var snapshot = App.Events.Snapshot();
        Assert.Equal(expected, snapshot.Refused);
        Assert.Empty(snapshot.Events);
    }
}
