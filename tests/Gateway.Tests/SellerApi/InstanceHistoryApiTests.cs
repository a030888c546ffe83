using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Provisioning.Gateway.Tests.KooGallery.History;
using Provisioning.Grains;
using Provisioning.Grains.CallHistory;
using Provisioning.Grains.Instances;
using Provisioning.Testing;

namespace Provisioning.Gateway.Tests.SellerApi;

/// <summary><c>GET /api/instances/{id}/history</c>: admin only, newest first, keyset pages, bad parameters refused.</summary>
[Collection(GatewayCollection.Name)]
public sealed class InstanceHistoryApiTests(GatewayFactory factory)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    private async Task<string> SeedAsync(int calls)
    {
        var instance = "inst-" + Guid.NewGuid().ToString("N")[..12];
        await factory.Services.GetRequiredService<IGrainFactory>().GetCallHistory().Record([.. Enumerable.Range(0, calls).Select(i =>
            new CallHistoryEntry(instance, Traffic.Live, T0.AddSeconds(i), "v1", "refreshInstance", $"CS{i}", "000000", "success", 3, "0af7651916cd43dd8448eb211c80319c"))]);
        return instance;
    }

    private async Task<HttpResponseMessage> Get(string path, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        return await factory.CreateClient().SendAsync(request);
    }

    [Fact]
    public async Task Pages_follow_the_cursor_newest_first_until_the_last_has_none()
    {
        var instance = await SeedAsync(5);
        var http = factory.CreateClient();
        var orders = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var (page, _) = await HistoryReader.ReadAsync(http, instance, "?limit=2" + (cursor is null ? "" : "&cursor=" + cursor));
            orders.AddRange(HistoryReader.Calls(page).Select(c => c.GetProperty("orderId").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(["CS4", "CS3", "CS2", "CS1", "CS0"], orders);
    }

    [Fact]
    public async Task A_full_last_page_has_no_cursor()
    {
        var instance = await SeedAsync(2);

        var (page, _) = await HistoryReader.ReadAsync(factory.CreateClient(), instance, "?limit=2");

        Assert.Equal(2, HistoryReader.Calls(page).Length);
        Assert.Null(page.GetProperty("nextCursor").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData(GatewayFactory.SellerApiKey)]
    [InlineData(GatewayFactory.SellerUsageKey)]
    public async Task Only_the_admin_key_reads_the_history(string? key)
    {
        var instance = await SeedAsync(1);

        using var response = await Get($"/api/instances/{instance}/history", key);

        Assert.Contains("admin key", await Problem.Detail(response, HttpStatusCode.Unauthorized));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("cursor=AAAAAAAAAAAAAAAAAAAAAA%3D%3D", "cursor")]
    public async Task A_bad_page_parameter_is_a_400_naming_it(string query, string parameter)
    {
        using var response = await Get($"/api/instances/any/history?{query}", GatewayFactory.SellerAdminKey);

        Assert.Contains(parameter, await Problem.Detail(response, HttpStatusCode.BadRequest));
    }
}
