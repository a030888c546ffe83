using Provisioning.Simulator.Running;
using Provisioning.Simulator.Scenarios;

namespace Provisioning.Simulator.Tests;

[Collection(GatewayCollection.Name)]
public sealed class V2LiveTests(SimulatedMarketplace marketplace)
{
    [Fact]
    public async Task The_slow_first_order_query_makes_newInstance_answer_000004_and_the_poll_sees_it_open()
    {
        var runner = new SimulationRunner(marketplace.Gateway.CreateClient(), marketplace.Options);

        var report = await runner.Run([ScenarioCatalog.Find("v2-live-periodic")!]);

        Assert.True(report.Passed, string.Join("; ", report.Steps.Where(s => !s.Passed).Select(s => $"{s.Step}: {s.Failure}")));
        var steps = report.Steps.ToDictionary(s => s.Step);
        Assert.Equal("000004", steps["newInstance"].ResultCode);
        Assert.Equal("000000", steps["queryInstance until open"].ResultCode);
        Assert.True(steps["order query signed with the AK/SK"].Passed);
    }
}
