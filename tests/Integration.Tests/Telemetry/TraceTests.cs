using Provisioning.Testing;
using Xunit.Abstractions;

namespace Provisioning.Integration.Tests.Telemetry;

[Collection(TracedClusterCollection.Name)]
public sealed class TraceTests(TracedCluster cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task A_newInstance_is_one_trace_from_the_gateway_through_the_silo_to_the_database_and_the_outbound_call()
    {
        var hooksBefore = cluster.Receiver.HookTraceParents.Count;
        await cluster.OpenInstanceAsync();

        // The silo's provisioning hook is the one request of the call that leaves the cluster: its traceparent names the trace.
        var traceParent = cluster.Receiver.HookTraceParents.Skip(hooksBefore).Single().Split('-');
        Assert.True(traceParent.Length == 4, $"the provisioning request carried no W3C traceparent: '{string.Join('-', traceParent)}'");
        var (traceId, hookParent) = (traceParent[1], traceParent[2]);

        ReceivedSpan? root = null, grainCall = null, storageWrite = null, outbound = null;
        Dictionary<string, ReceivedSpan> trace = [];
        await Eventually.True(() =>
        {
            trace = cluster.Receiver.Spans.Where(s => s.TraceId == traceId).GroupBy(s => s.SpanId).ToDictionary(g => g.Key, g => g.First());
            root = trace.Values.SingleOrDefault(s => s.ParentSpanId is null);
            grainCall = trace.Values.SingleOrDefault(s =>
                s.Service == "provisioning-silo" && s.Kind == SpanKind.Server && s["rpc.method"]?.EndsWith("ISaasInstanceGrain/Open", StringComparison.Ordinal) == true);
            storageWrite = trace.Values.FirstOrDefault(IsStorageWrite);
            outbound = trace.GetValueOrDefault(hookParent);
            return root is not null && grainCall is not null && storageWrite is not null && outbound is not null;
        }, $"the spans of trace {traceId} arrived (gateway request, grain call, storage write, provisioning request)", TimeSpan.FromSeconds(10));

        foreach (var span in trace.Values.Select(s => (Span: s, Path: Path(trace, s))).OrderBy(s => string.Join('/', s.Path.Select(p => p.SpanId).Reverse())))
        {
            output.WriteLine($"{new string(' ', 2 * (span.Path.Count - 1))}{span.Span}");
        }

        Assert.Equal(("provisioning-gateway", SpanKind.Server), (root!.Service, root.Kind));
        Assert.Equal("/koogallery", root["url.path"]);

        // One tree: every span reaches the gateway's request span by parent ids, crossing from gateway to silo on the grain call.
        var toGrainCall = Path(trace, grainCall!);
        Assert.Equal(root, toGrainCall[^1]);
        var caller = trace[grainCall!.ParentSpanId!];
        Assert.Equal(("provisioning-gateway", SpanKind.Client), (caller.Service, caller.Kind));
        Assert.Contains(grainCall, Path(trace, storageWrite!));
        Assert.Equal(root, Path(trace, storageWrite!)[^1]);
        Assert.Equal(("provisioning-silo", SpanKind.Client, "POST"), (outbound!.Service, outbound.Kind, outbound["http.request.method"]));
        Assert.Contains(grainCall, Path(trace, outbound));
    }

    [Fact]
    public async Task The_silos_database_work_outside_any_trace_makes_no_spans()
    {
        await cluster.OpenInstanceAsync();
        await Eventually.True(() => cluster.Receiver.Spans.Any(IsStorageWrite), "the silo's storage write was exported", TimeSpan.FromSeconds(10));

        // Start-up, membership, reminders and the call history's writer all query the database with no request around them.
        var untraced = cluster.Receiver.Spans.Where(s => IsSiloCommand(s) && s.ParentSpanId is null).ToList();
        Assert.True(untraced.Count == 0, $"database commands made spans outside any trace: {string.Join(", ", untraced.Select(s => s["db.query.text"]))}");
    }

    private static bool IsSiloCommand(ReceivedSpan span) =>
        span.Service == "provisioning-silo" && span["db.system.name"] == "postgresql" && !span.Name.StartsWith("CONNECT ", StringComparison.Ordinal);

    private static bool IsStorageWrite(ReceivedSpan span) =>
        IsSiloCommand(span) && span["db.query.text"]?.Contains("orleans_write_grain_state", StringComparison.Ordinal) == true;

    /// <summary>The span and its ancestors up to the root; fails when a parent is missing from the trace.</summary>
    private static List<ReceivedSpan> Path(Dictionary<string, ReceivedSpan> trace, ReceivedSpan span)
    {
        var path = new List<ReceivedSpan> { span };
        while (path[^1].ParentSpanId is { } parent)
        {
            Assert.True(trace.TryGetValue(parent, out var next), $"the parent {parent} of {path[^1]} is not in the trace");
            path.Add(next!);
        }

        return path;
    }
}
