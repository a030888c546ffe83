using System.Net.Http.Json;
using Provisioning.Gateway.SellerApi;
using Provisioning.KooGallery;
using Provisioning.Testing;

namespace Provisioning.Console.Tests;

/// <summary>
/// The console's data, made as the marketplace makes it (V1 calls): one active, one frozen and one released instance,
/// whose events the failing seller application turns into dead letters.
/// </summary>
public sealed record SeededInstances(string Active, string Frozen, string Released, IReadOnlyList<WebhookEventView> DeadLetters)
{
    public static async Task<SeededInstances> MakeAsync(Uri gateway)
    {
        using var http = new HttpClient { BaseAddress = gateway };
        var marketplace = new V1Client(http);
        var active = await Open(marketplace, then: null);
        var frozen = await Open(marketplace, then: "expireInstance");
        var released = await Open(marketplace, then: "releaseInstance");

        http.DefaultRequestHeaders.Add("X-Api-Key", GatewayFactory.SellerAdminKey);
        string[] streams = [.. new[] { active, frozen, released }.Select(id => "instance:live/" + id)];
        await Eventually.True(
            async () => (await Read(http, "outbox")).Count == 0 && streams.All((await Read(http, "dead-letters")).Select(e => e.Stream).Contains),
            "every instance's events were dead-lettered", TimeSpan.FromSeconds(20));
        return new SeededInstances(active, frozen, released, await Read(http, "dead-letters"));
    }

    /// <summary>Opens an instance with a new order, then applies the activity <paramref name="then"/> to it.</summary>
    private static async Task<string> Open(V1Client marketplace, string? then)
    {
        var orderId = V1Orders.NewOrderId();
        var opened = await marketplace.Call("newInstance", V1Orders.NewInstance(orderId));
        Assert.Equal(ResultCodes.Success, opened.ResultCode);
        var instanceId = opened["instanceId"]!;
        if (then is not null)
        {
            Assert.Equal(ResultCodes.Success, (await marketplace.Call(then, ("instanceId", instanceId), ("orderId", orderId))).ResultCode);
        }

        return instanceId;
    }

    private static async Task<IReadOnlyList<WebhookEventView>> Read(HttpClient admin, string list) =>
        (await admin.GetFromJsonAsync<OutboxPage>($"/api/webhooks/{list}"))!.Events;
}
