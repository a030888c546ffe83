using System.Net;
using Provisioning.KooGallery;
using Provisioning.Testing;

namespace Provisioning.Integration.Tests.Telemetry;

public sealed class PrometheusSettingTests
{
    [Fact]
    public async Task Metrics_are_served_without_any_OTLP_setting()
    {
        await using var gateway = new GatewayFactory();
        await new V1Client(gateway.CreateClient()).Call("newInstance", V1Orders.NewInstance(V1Orders.NewOrderId()));

        using var response = await gateway.CreateClient().GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.ToString());
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(PrometheusText.Total(text, "koogallery_callback_duration_milliseconds_count",
            ("activity", "newInstance"), ("traffic", "live"), ("result_code", ResultCodes.Success)) >= 1, text);
    }

    [Fact]
    public async Task Telemetry_Prometheus_false_turns_the_endpoint_off()
    {
        await using var gateway = new SettingGateway("Telemetry:Prometheus", "false");

        using var response = await gateway.CreateClient().GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private sealed class SettingGateway(string name, string value) : GatewayFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings) { [name] = value };
    }
}
