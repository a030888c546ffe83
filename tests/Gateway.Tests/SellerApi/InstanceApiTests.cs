using System.Collections.Immutable;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Provisioning.Grains;
using Provisioning.Grains.Instances;
using Provisioning.Testing;

namespace Provisioning.Gateway.Tests.SellerApi;

/// <summary><c>/api/instances</c>: one instance from its grain, and the list from the query model, paged by cursor.</summary>
[Collection(GatewayCollection.Name)]
public sealed class InstanceApiTests(GatewayFactory factory)
{
    private IGrainFactory Grains => factory.Services.GetRequiredService<IGrainFactory>();

    private async Task<HttpResponseMessage> Get(string path, string? key = GatewayFactory.SellerApiKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        return await factory.CreateClient().SendAsync(request);
    }

    private async Task<JsonElement> Json(string path)
    {
        using var response = await Get(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Opens instances for a customer of its own, so the test's filters see only them; answers their ids.</summary>
    private async Task<(string Customer, List<string> Ids)> OpenInstances(int count, Traffic traffic = Traffic.Live)
    {
        var customer = "cust-" + Guid.NewGuid().ToString("N");
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var orderId = "API-" + Guid.NewGuid().ToString("N");
            var address = new InstanceAddress(InstanceIds.Derive(OrderKey.ForOrder(orderId), traffic), traffic);
            var reply = await Grains.GetInstance(address).Open(new OpenInstance(
                orderId, new Buyer(customer, "Buyer Ltd", "user-1", "buyer-login", "13800000000", "buyer@example.com"),
                new Plan(i % 2 == 0 ? "prod-even" : "prod-odd", "sku-basic", ChargingMode.Periodic, Quantities.None, "month", 1),
                Trial: false, new DateTimeOffset(2027, 1, 1 + i, 0, 0, 0, TimeSpan.Zero), 10m, ImmutableDictionary<string, string>.Empty));
            Assert.Equal(InstanceOutcome.Applied, reply.Outcome);
            ids.Add(address.InstanceId);
        }

        ids.Sort(StringComparer.Ordinal);
        return (customer, ids);
    }

    private async Task<List<string>> PageThrough(string query, int limit)
    {
        var ids = new List<string>();
        for (string? cursor = null; ;)
        {
            var page = await Json($"/api/instances?{query}&limit={limit}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            var instances = page.GetProperty("instances").EnumerateArray().ToList();
            Assert.True(instances.Count <= limit);
            ids.AddRange(instances.Select(i => i.GetProperty("instanceId").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
            if (cursor is null) return ids;
        }
    }

    [Fact]
    public async Task Paging_through_with_a_cursor_answers_every_instance_once_in_instance_id_order()
    {
        var (customer, ids) = await OpenInstances(7);

        Assert.Equal(ids, await PageThrough($"customerId={customer}", limit: 3));
        Assert.Equal(ids, await PageThrough($"customerId={customer}", limit: 7));
    }

    [Fact]
    public async Task The_list_filters_by_status_product_expiry_and_traffic()
    {
        var (customer, ids) = await OpenInstances(6);
        await Grains.GetInstance(new InstanceAddress(ids[0], Traffic.Live)).Freeze(new FreezeInstance(null));
        await Grains.GetInstance(new InstanceAddress(ids[3], Traffic.Live)).Freeze(new FreezeInstance(null));
        var (testCustomer, testIds) = await OpenInstances(2, Traffic.Test);

        Assert.Equal([ids[0], ids[3]], await PageThrough($"customerId={customer}&status=frozen", 10));
        Assert.Equal(4, (await PageThrough($"customerId={customer}&status=Active", 10)).Count);
        Assert.Equal(3, (await PageThrough($"customerId={customer}&productId=prod-even", 10)).Count);
        Assert.Equal(2, (await PageThrough($"customerId={customer}&expiresBefore=2027-01-02T12:00:00Z", 10)).Count);
        Assert.Equal(testIds, await PageThrough($"customerId={testCustomer}&test=true", 10));
        Assert.Empty(await PageThrough($"customerId={testCustomer}", 10));

        var item = (await Json($"/api/instances?customerId={customer}&status=frozen&limit=1")).GetProperty("instances")[0];
        Assert.Equal("frozen", item.GetProperty("status").GetString());
        Assert.Equal("periodic", item.GetProperty("chargingMode").GetString());
        Assert.Equal(2, item.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task One_instance_shows_its_plan_expiry_and_access_urls_but_never_its_credentials()
    {
        var (_, ids) = await OpenInstances(1);
        var snapshot = (await Grains.GetInstance(new InstanceAddress(ids[0], Traffic.Live)).Get())!;

        using var response = await Get($"/api/instances/{ids[0]}");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var instance = JsonDocument.Parse(body).RootElement;
        Assert.Equal("active", instance.GetProperty("status").GetString());
        Assert.Equal("sku-basic", instance.GetProperty("plan").GetProperty("skuCode").GetString());
        Assert.Equal(snapshot.ExpiresAt, instance.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.Equal(snapshot.Access!.FrontEndUrl, instance.GetProperty("access").GetProperty("frontEndUrl").GetString());
        Assert.DoesNotContain(snapshot.Access.Password!, body);
        Assert.DoesNotContain("userName", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("13800000000", body);
        Assert.DoesNotContain("buyer@example.com", body);
    }

    [Fact]
    public async Task An_unknown_instance_is_a_404_naming_it_and_test_traffic_is_its_own_namespace()
    {
        var (_, liveIds) = await OpenInstances(1);
        var unknown = Guid.NewGuid().ToString();

        using var missing = await Get($"/api/instances/{unknown}");
        using var liveAsTest = await Get($"/api/instances/{liveIds[0]}?test=true");

        Assert.Contains(unknown, await Problem.Detail(missing, HttpStatusCode.NotFound));
        Assert.Contains("test traffic", await Problem.Detail(liveAsTest, HttpStatusCode.NotFound));
    }

    [Theory]
    [InlineData("/api/instances", "X-Api-Key header is missing")]
    [InlineData("/api/instances/any", "X-Api-Key header is missing")]
    public async Task Without_the_key_both_endpoints_answer_401(string path, string detail)
    {
        using var response = await Get(path, key: null);

        Assert.Contains(detail, await Problem.Detail(response, HttpStatusCode.Unauthorized));
    }

    [Theory]
    [InlineData("status=deleted", "status", "status must be one of")]
    [InlineData("status=1", "status", "status must be one of")]
    [InlineData("limit=0", "limit", "between 1 and 1000")]
    [InlineData("limit=1001", "limit", "between 1 and 1000")]
    [InlineData("cursor=not-a-cursor", "cursor", "cursor must be a nextCursor")]
    [InlineData("cursor=aTE6", "cursor", "cursor must be a nextCursor")]
    [InlineData("expiresBefore=next-week", "expiresBefore", "ISO 8601")]
    public async Task A_bad_parameter_is_a_400_validation_problem_naming_it(string query, string parameter, string detail)
    {
        using var response = await Get("/api/instances?" + query);

        Assert.Contains(detail, await Problem.Detail(response, HttpStatusCode.BadRequest));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.GetProperty("errors").TryGetProperty(parameter, out _));
    }
}
