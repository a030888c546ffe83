using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Provisioning.Grains;
using Provisioning.Grains.Instances;
using Provisioning.Grains.Usage;
using Provisioning.KooGallery;
using Provisioning.Testing;

namespace Provisioning.Gateway.Tests.SellerApi;

/// <summary><c>POST /api/usage</c>: per-event validation, idempotency by eventId, keys, and what queryInstance reads back.</summary>
[Collection(GatewayCollection.Name)]
public sealed class UsageReportTests(GatewayFactory factory)
{
    private readonly V1Client _marketplace = new(factory.CreateClient());
    private readonly UsageClient _seller = new(factory.CreateClient());

    private static string NewEventId() => "ev-" + Guid.NewGuid().ToString("N");

    private async Task<string> Open(string chargingMode)
    {
        var opened = await _marketplace.Call("newInstance", V1Orders.NewInstance(V1Orders.NewOrderId(), chargingMode));
        Assert.Equal(ResultCodes.Success, opened.ResultCode);
        return opened["instanceId"]!;
    }

    private Task<MeterStatement> Statement(string instanceId) =>
        factory.Services.GetRequiredService<IGrainFactory>().GetUsageMeter(new InstanceAddress(instanceId, Traffic.Live)).GetStatement();

    [Fact]
    public async Task Each_bad_event_is_rejected_with_its_reason_and_the_good_ones_are_counted()
    {
        var payPerUse = await Open("0");
        var periodic = await Open("1");
        var now = DateTimeOffset.UtcNow;
        var good = NewEventId();

        var results = await _seller.Report(
            UsageClient.Event(good, payPerUse, 2.5m, now),
            UsageClient.Event(good, payPerUse, 2.5m, now),
            UsageClient.Event(NewEventId(), payPerUse, 0m, now),
            UsageClient.Event(NewEventId(), payPerUse, 1.23456m, now),
            UsageClient.Event(NewEventId(), payPerUse, 1m, now.AddHours(1)),
            UsageClient.Event(NewEventId(), payPerUse, 1m, now.AddDays(-22)),
            UsageClient.Event(NewEventId(), payPerUse, 1m, now.AddHours(-1)),
            UsageClient.Event(NewEventId(), "no-such-instance", 1m, now),
            UsageClient.Event(NewEventId(), periodic, 1m, now),
            UsageClient.Event(NewEventId(), payPerUse, 1m, now, package: "pkg-1"),
            new { instanceId = payPerUse, quantity = 1m, occurredAt = now.ToString("O") },
            new { eventId = NewEventId(), instanceId = payPerUse, quantity = 1m, occurredAt = "2026-11-28T10:00:00" },
            UsageClient.Event("ev-\u0000-nul", payPerUse, 1m, now),
            UsageClient.Event(NewEventId(), "bad\u0000id", 1m, now),
            UsageClient.Event(NewEventId(), payPerUse, 4m, now));

        Assert.Equal(["accepted", "duplicate", "rejected", "rejected", "rejected", "rejected", "rejected", "rejected", "rejected", "rejected", "rejected", "rejected", "rejected", "rejected", "accepted"],
            results.Select(r => r.Status));
        Assert.Contains("not above zero", results[2].Reason);
        Assert.Contains("more than 4 decimals", results[3].Reason);
        Assert.Contains("in the future", results[4].Reason);
        Assert.Contains("too old", results[5].Reason);
        Assert.Contains("was not active", results[6].Reason);
        Assert.Contains("not known", results[7].Reason);
        Assert.Contains("not pay-per-use", results[8].Reason);
        Assert.Contains("package is only for on-demand packages", results[9].Reason);
        Assert.Contains("eventId is missing", results[10].Reason);
        Assert.Contains("UTC offset", results[11].Reason);
        Assert.Contains("eventId contains control characters", results[12].Reason);
        Assert.Contains("instanceId contains control characters", results[13].Reason);

        var hour = Assert.Single((await Statement(payPerUse)).Hours);
        Assert.Equal(6.5m, hour.Quantity);
        Assert.Equal(2, hour.Events);
    }

    [Fact]
    public async Task An_event_with_a_number_out_of_range_or_a_field_of_the_wrong_type_is_rejected_alone()
    {
        var instance = await Open("0");
        var now = DateTimeOffset.UtcNow.ToString("O");
        var good = NewEventId();

        var (status, body) = await PostRaw($$"""
            {"events":[
              {"eventId":"{{good}}","instanceId":"{{instance}}","quantity":2.5,"occurredAt":"{{now}}"},
              {"eventId":"{{NewEventId()}}","instanceId":"{{instance}}","quantity":1e309,"occurredAt":"{{now}}"},
              {"eventId":"{{NewEventId()}}","instanceId":"{{instance}}","quantity":1e29,"occurredAt":"{{now}}"},
              {"eventId":"{{NewEventId()}}","instanceId":"{{instance}}","quantity":"2.5","occurredAt":"{{now}}"},
              {"eventId":"{{NewEventId()}}","instanceId":"{{instance}}","quantity":1,"occurredAt":20261128},
              {"eventId":12345,"instanceId":"{{instance}}","quantity":1,"occurredAt":"{{now}}"},
              {"eventId":"{{NewEventId()}}","instanceId":["{{instance}}"],"quantity":1,"occurredAt":"{{now}}"},
              {"eventId":"{{NewEventId()}}","instanceId":"{{instance}}","quantity":1,"occurredAt":"{{now}}","package":7},
              42,
              {"eventId":"{{NewEventId()}}","instanceId":"{{instance}}","quantity":1.5,"occurredAt":"{{now}}"}
            ]}
            """);

        Assert.Equal(HttpStatusCode.OK, status);
        var results = Results(body);
        Assert.Equal(["accepted", "rejected", "rejected", "rejected", "rejected", "rejected", "rejected", "rejected", "rejected", "accepted"], results.Select(r => r.Status));
        Assert.Contains("quantity 1e309 is out of range", results[1].Reason);
        Assert.Contains("quantity 1e29 is out of range", results[2].Reason);
        Assert.Contains("quantity must be a JSON number", results[3].Reason);
        Assert.Contains("occurredAt must be a string", results[4].Reason);
        Assert.Contains("eventId must be a string", results[5].Reason);
        Assert.Contains("instanceId must be a string", results[6].Reason);
        Assert.Contains("package must be a string", results[7].Reason);
        Assert.Contains("not a JSON object", results[8].Reason);
        Assert.Equal(4m, Assert.Single((await Statement(instance)).Hours).Quantity);
    }

    [Fact]
    public async Task A_key_repeated_inside_an_event_rejects_that_event_naming_the_key()
    {
        var instance = await Open("0");
        var now = DateTimeOffset.UtcNow.ToString("O");

        var (status, body) = await PostRaw($$"""
            {"events":[
              {"eventId":"{{NewEventId()}}","instanceId":"{{instance}}","quantity":1,"occurredAt":"{{now}}","quantity":1000},
              {"eventId":"{{NewEventId()}}","instanceId":"{{instance}}","quantity":2,"occurredAt":"{{now}}","InstanceId":"other"},
              {"eventId":"{{NewEventId()}}","instanceId":"{{instance}}","quantity":3,"occurredAt":"{{now}}"}
            ]}
            """);

        Assert.Equal(HttpStatusCode.OK, status);
        var results = Results(body);
        Assert.Equal(["rejected", "rejected", "accepted"], results.Select(r => r.Status));
        Assert.Contains("'quantity' appears more than once", results[0].Reason);
        Assert.Contains("'InstanceId' appears more than once", results[1].Reason);
        Assert.Equal(3m, Assert.Single((await Statement(instance)).Hours).Quantity);
    }

    [Fact]
    public async Task A_key_repeated_at_the_top_of_the_report_gets_400_naming_it()
    {
        var instance = await Open("0");
        var now = DateTimeOffset.UtcNow.ToString("O");

        using var response = await Send($$"""
            {"events":[{"eventId":"{{NewEventId()}}","instanceId":"{{instance}}","quantity":1,"occurredAt":"{{now}}"}],
             "events":[{"eventId":"{{NewEventId()}}","instanceId":"{{instance}}","quantity":9,"occurredAt":"{{now}}"}]}
            """);

        Assert.Contains("'events' appears more than once", await Problem.Detail(response, HttpStatusCode.BadRequest));
        Assert.Empty((await Statement(instance)).Hours);
    }

    private async Task<(HttpStatusCode Status, string Body)> PostRaw(string body)
    {
        using var response = await Send(body);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<HttpResponseMessage> Send(string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/usage") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", GatewayFactory.SellerUsageKey);
        return await factory.CreateClient().SendAsync(request);
    }

    private static IReadOnlyList<(string Status, string? Reason)> Results(string body) =>
        [.. JsonDocument.Parse(body).RootElement.GetProperty("results").EnumerateArray().Select(r =>
            (r.GetProperty("status").GetString()!, r.TryGetProperty("reason", out var reason) ? reason.GetString() : null))];

    [Fact]
    public async Task A_resent_report_is_acknowledged_without_counting_anything_twice()
    {
        var instance = await Open("0");
        var events = Enumerable.Range(0, 50).Select(i => UsageClient.Event(NewEventId(), instance, 1.5m, DateTimeOffset.UtcNow)).ToArray();

        Assert.All(await _seller.Report(events), r => Assert.Equal("accepted", r.Status));
        Assert.All(await _seller.Report(events), r => Assert.Equal("duplicate", r.Status));

        Assert.Equal(75m, (await Statement(instance)).Hours.Sum(h => h.Quantity));
    }

    [Fact]
    public async Task Concurrent_reports_for_one_instance_are_all_counted_once()
    {
        var instance = await Open("0");
        var reports = Enumerable.Range(0, 20)
            .Select(_ => Enumerable.Range(0, 50).Select(i => UsageClient.Event(NewEventId(), instance, 0.01m * (i + 1), DateTimeOffset.UtcNow)).ToArray())
            .ToArray();

        var answers = await Task.WhenAll(reports.Concat(reports.Take(5)).Select(events => _seller.Report(events)));

        Assert.Equal(1000, answers.SelectMany(a => a).Count(r => r.Status == "accepted"));
        Assert.Equal(250, answers.SelectMany(a => a).Count(r => r.Status == "duplicate"));
        Assert.Equal(20 * 12.75m, (await Statement(instance)).Hours.Sum(h => h.Quantity));
    }

    [Fact]
    public async Task Usage_after_a_freeze_is_refused_and_usage_from_before_it_still_counts()
    {
        var instance = await Open("0");
        var beforeFreeze = DateTimeOffset.UtcNow;
        await Task.Delay(20);
        Assert.Equal(ResultCodes.Success, (await _marketplace.Call("expireInstance", ("instanceId", instance), ("orderId", "x"))).ResultCode);

        var results = await _seller.Report(
            UsageClient.Event(NewEventId(), instance, 1m, beforeFreeze),
            UsageClient.Event(NewEventId(), instance, 1m, DateTimeOffset.UtcNow));

        Assert.Equal("accepted", results[0].Status);
        Assert.Equal("rejected", results[1].Status);
        Assert.Contains("not active", results[1].Reason);
    }

    [Fact]
    public async Task QueryInstance_reports_the_usage_of_pay_per_use_instances_only()
    {
        var payPerUse = await Open("0");
        var periodic = await Open("1");
        await _seller.Report(UsageClient.Event(NewEventId(), payPerUse, 3.25m, DateTimeOffset.UtcNow), UsageClient.Event(NewEventId(), payPerUse, 1m, DateTimeOffset.UtcNow));

        var answer = await _marketplace.Call("queryInstance", ("instanceId", $"{payPerUse},{periodic}"));

        var info = answer.Json.GetProperty("info").EnumerateArray().ToDictionary(i => i.GetProperty("instanceId").GetString()!);
        var usage = Assert.Single(info[payPerUse].GetProperty("usageInfo").EnumerateArray());
        Assert.Equal(4.25, usage.GetProperty("usageValue").GetDouble());
        Assert.True(KooGalleryTime.TryParse(usage.GetProperty("statisticalTime").GetString(), out _));
        Assert.False(info[periodic].TryGetProperty("usageInfo", out _));
    }

    [Fact]
    public async Task A_pay_per_use_instance_without_usage_reports_zero()
    {
        var instance = await Open("0");

        var answer = await _marketplace.Call("queryInstance", ("instanceId", instance));

        var usage = Assert.Single(answer.Json.GetProperty("info")[0].GetProperty("usageInfo").EnumerateArray());
        Assert.Equal(0, usage.GetProperty("usageValue").GetDouble());
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(GatewayFactory.SellerApiKey, HttpStatusCode.Unauthorized)]
    [InlineData(GatewayFactory.SellerUsageKey, HttpStatusCode.OK)]
    [InlineData(GatewayFactory.SellerAdminKey, HttpStatusCode.OK)]
    public async Task Reporting_needs_the_usage_or_admin_key(string? key, HttpStatusCode expected)
    {
        var instance = await Open("0");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/usage")
        {
            Content = JsonContent.Create(new { events = new[] { UsageClient.Event(NewEventId(), instance, 1m, DateTimeOffset.UtcNow) } }),
        };
        if (key is not null) request.Headers.Add("X-Api-Key", key);

        using var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/usage/outbox")]
    [InlineData("/api/usage/dead-letters")]
    [InlineData("/api/usage/instances/any")]
    public async Task Operator_views_need_the_admin_key(string path)
    {
        var http = factory.CreateClient();
        using var asReporter = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { { "X-Api-Key", GatewayFactory.SellerUsageKey } } };
        using var asAdmin = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { { "X-Api-Key", GatewayFactory.SellerAdminKey } } };

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(asReporter)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(asAdmin)).StatusCode);
    }

    [Fact]
    public async Task A_body_that_is_not_a_report_gets_400_naming_the_problem()
    {
        async Task<string> Refusal(string body)
        {
            using var response = await Send(body);
            return await Problem.Detail(response, HttpStatusCode.BadRequest);
        }

        Assert.Contains("not a usage report", await Refusal("{\"events\": ["));
        Assert.Contains("no events", await Refusal("{\"events\": []}"));
        Assert.Contains("at most 1000", await Refusal(JsonSerializer.Serialize(new { events = Enumerable.Range(0, 1001).Select(i => new { eventId = $"e{i}" }) })));
        Assert.Contains("not a usage report", await Refusal("[{\"eventId\": \"e\"}]"));
        Assert.Contains("events must be an array", await Refusal("{\"events\": {\"eventId\": \"e\"}}"));
    }
}
