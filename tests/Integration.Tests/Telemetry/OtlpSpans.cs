using Google.Protobuf;

namespace Provisioning.Integration.Tests.Telemetry;

/// <summary>One span as an OTLP receiver sees it: ids in hex, the exporting service and the attributes as text.</summary>
internal sealed record ReceivedSpan(
    string Service, string TraceId, string SpanId, string? ParentSpanId, string Name, SpanKind Kind, IReadOnlyDictionary<string, string> Attributes)
{
    public string? this[string attribute] => Attributes.GetValueOrDefault(attribute);

    public override string ToString() => $"{Service} {Kind} '{Name}' {SpanId} <- {ParentSpanId ?? "root"}";
}

/// <summary>OTLP's span kinds (opentelemetry/proto/trace/v1/trace.proto).</summary>
internal enum SpanKind
{
    Unspecified = 0,
    Internal = 1,
    Server = 2,
    Client = 3,
    Producer = 4,
    Consumer = 5,
}

/// <summary>
/// Reads the few fields a test needs from an OTLP <c>ExportTraceServiceRequest</c> (protobuf), by field number:
/// ResourceSpans(1: resource, 2: scope_spans), Resource(1: attributes), ScopeSpans(2: spans), Span(1: trace_id,
/// 2: span_id, 4: parent_span_id, 5: name, 6: kind, 9: attributes), KeyValue(1: key, 2: value),
/// AnyValue(1: string, 2: bool, 3: int, 4: double). Everything else is skipped.
/// </summary>
internal static class OtlpSpans
{
    public static List<ReceivedSpan> Read(byte[] exportTraceServiceRequest)
    {
        var spans = new List<ReceivedSpan>();
        foreach (var resourceSpans in Messages(exportTraceServiceRequest, 1))
        {
            var resource = Messages(resourceSpans, 1).SingleOrDefault();
            var service = resource is null ? "" : Attributes(resource, 1).GetValueOrDefault("service.name", "");
            foreach (var scopeSpans in Messages(resourceSpans, 2))
            {
                spans.AddRange(Messages(scopeSpans, 2).Select(span => Span(service, span)));
            }
        }

        return spans;
    }

    private static ReceivedSpan Span(string service, byte[] span)
    {
        string traceId = "", spanId = "", name = "";
        string? parent = null;
        var kind = SpanKind.Unspecified;
        var attributes = new Dictionary<string, string>();
        var input = new CodedInputStream(span);
        for (var tag = input.ReadTag(); tag != 0; tag = input.ReadTag())
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: traceId = Convert.ToHexStringLower(input.ReadBytes().ToByteArray()); break;
                case 2: spanId = Convert.ToHexStringLower(input.ReadBytes().ToByteArray()); break;
                case 4:
                    var bytes = input.ReadBytes();
                    parent = bytes.IsEmpty ? null : Convert.ToHexStringLower(bytes.ToByteArray());
                    break;
                case 5: name = input.ReadString(); break;
                case 6: kind = (SpanKind)input.ReadEnum(); break;
                case 9:
                    var (key, value) = KeyValue(input.ReadBytes().ToByteArray());
                    attributes[key] = value;
                    break;
                default: input.SkipLastField(); break;
            }
        }

        return new ReceivedSpan(service, traceId, spanId, parent, name, kind, attributes);
    }

    private static Dictionary<string, string> Attributes(byte[] message, int field) =>
        Messages(message, field).Select(KeyValue).GroupBy(a => a.Key).ToDictionary(g => g.Key, g => g.Last().Value);

    private static (string Key, string Value) KeyValue(byte[] keyValue)
    {
        string key = "", value = "";
        var input = new CodedInputStream(keyValue);
        for (var tag = input.ReadTag(); tag != 0; tag = input.ReadTag())
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: key = input.ReadString(); break;
                case 2: value = AnyValue(input.ReadBytes().ToByteArray()); break;
                default: input.SkipLastField(); break;
            }
        }

        return (key, value);
    }

    private static string AnyValue(byte[] anyValue)
    {
        var input = new CodedInputStream(anyValue);
        var value = "";
        for (var tag = input.ReadTag(); tag != 0; tag = input.ReadTag())
        {
            value = WireFormat.GetTagFieldNumber(tag) switch
            {
                1 => input.ReadString(),
                2 => input.ReadBool() ? "true" : "false",
                3 => input.ReadInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
                4 => input.ReadDouble().ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => Skip(input),
            };
        }

        return value;
    }

    private static string Skip(CodedInputStream input)
    {
        input.SkipLastField();
        return "";
    }

    /// <summary>The embedded messages of one repeated (or single) field.</summary>
    private static List<byte[]> Messages(byte[] message, int field)
    {
        var found = new List<byte[]>();
        var input = new CodedInputStream(message);
        for (var tag = input.ReadTag(); tag != 0; tag = input.ReadTag())
        {
            if (WireFormat.GetTagFieldNumber(tag) == field && WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
            {
                found.Add(input.ReadBytes().ToByteArray());
            }
            else
            {
                input.SkipLastField();
            }
        }

        return found;
    }
}
