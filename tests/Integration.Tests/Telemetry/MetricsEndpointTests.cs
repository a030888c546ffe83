using Provisioning.KooGallery;
using Provisioning.Testing;

namespace Provisioning.Integration.Tests.Telemetry;

[Collection(TracedClusterCollection.Name)]
public sealed class MetricsEndpointTests(TracedCluster cluster)
{
    [Fact]
    public async Task Both_hosts_serve_their_metrics_to_Prometheus_after_a_callback()
    {
        await cluster.OpenInstanceAsync();

        // The silo process holds the cluster-wide gauges; its database is this cluster's alone, so the figure is exact.
        using var http = new HttpClient();
        var silo = "";
        await Eventually.True(async () =>
        {
            silo = await http.GetStringAsync(new Uri(cluster.Silo.Health, "/metrics"));
            return PrometheusText.Value(silo, "instances", ("traffic", "live"), ("status", "active")) == cluster.Opened;
        }, $"the silo's /metrics counted {cluster.Opened} live active instance(s)");
        Assert.Equal(0, PrometheusText.Value(silo, "instances", ("traffic", "live"), ("status", "frozen")));
        Assert.Equal(0, PrometheusText.Value(silo, "seller_events_pending"));
        Assert.Equal(0, PrometheusText.Value(silo, "seller_events_dead_lettered"));

        // In-process gateways of tests running beside this one share its meters' names: their callbacks may add to the count,
        // as series of their own with the same labels.
        var gateway = await cluster.Gateway.CreateClient().GetStringAsync("/metrics");
        var callbacks = PrometheusText.Total(gateway, "koogallery_callback_duration_milliseconds_count",
            ("protocol", "v1"), ("activity", "newInstance"), ("traffic", "live"), ("result_code", ResultCodes.Success));
        Assert.True(callbacks >= 1, $"no newInstance callback counted in the gateway's /metrics:{Environment.NewLine}{gateway}");
    }
}
