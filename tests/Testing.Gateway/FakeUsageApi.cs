using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Provisioning.KooGallery.OpenApi;
using Provisioning.KooGallery.Usage;

namespace Provisioning.Testing;

/// <summary>
/// KooGallery's usage-data receivers on a loopback port: the new version (kit §C.1), which verifies every push's
/// <c>signature</c>/<c>ts</c>/<c>nonce</c> (MKT.0102 otherwise), and the old one (§C.2), which verifies the AK/SK signature of
/// <see cref="FakeOrderApi"/>'s keys (APIGW.0303 otherwise). It records every record that arrived and fails on demand: with
/// MKT.0999, by answering too late, by closing the connection after taking the records, or with MKT.9001 for chosen instances.
/// </summary>
public sealed class FakeUsageApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _accessKey;
    private readonly ConcurrentQueue<Fault> _faults = new();
    private readonly ConcurrentDictionary<string, byte> _unknownInstances = new(StringComparer.Ordinal);

    private FakeUsageApi(WebApplication app, string accessKey) => (_app, _accessKey) = (app, accessKey);

    /// <summary>What a push call can be made to suffer.</summary>
    public enum Fault
    {
        /// <summary>HTTP 500 MKT.0999 without taking the records.</summary>
        InternalError,

        /// <summary>Takes the records, then answers after <see cref="SlowAnswer"/>: the caller times out and sends them again.</summary>
        AnswerTooLate,

        /// <summary>Takes the records, then closes the connection without answering.</summary>
        ResetAfterReceipt,
    }

    private int _calls;
    private int _badSignatures;

    public TimeSpan SlowAnswer { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Every record taken, in arrival order, duplicates included.</summary>
    public ConcurrentQueue<ReceivedRecord> Received { get; } = new();

    public int Calls => _calls;

    /// <summary>Injected faults not yet used by a call.</summary>
    public int FaultsLeft => _faults.Count;

    /// <summary>One line per call: records carried and what was answered.</summary>
    public ConcurrentQueue<string> CallLog { get; } = new();

    public int BadSignatures => _badSignatures;

    public string BaseUrl => _app.BaseUrl();

    public static async Task<FakeUsageApi> StartAsync(string accessKey)
    {
        var api = new FakeUsageApi(LoopbackApp.Create(), accessKey);
        api._app.MapPost("/" + UsagePushClient.NewPath, (Delegate)api.TakeAsync);
        api._app.MapPost("/" + UsagePushClient.OldPath, (Delegate)api.TakeOldAsync);
        await api._app.StartAsync();
        return api;
    }

    /// <summary>The next calls, one fault each, in order.</summary>
    public void Inject(params Fault[] faults)
    {
        foreach (var fault in faults) _faults.Enqueue(fault);
    }

    /// <summary>Calls naming this instance are refused for good (MKT.9001), as for an instance the marketplace does not know.</summary>
    public void DoNotKnow(string instanceId) => _unknownInstances[instanceId] = 0;

    public void Know(string instanceId) => _unknownInstances.TryRemove(instanceId, out _);

    /// <summary>The usage taken per (instance, hour start), each metering_sn counted once.</summary>
    public IReadOnlyDictionary<(string InstanceId, DateTimeOffset Hour), decimal> TotalsByHour() =>
        Received.GroupBy(r => r.MeteringSn).Select(g => g.First())
            .GroupBy(r => (r.InstanceId, r.BeginTime))
            .ToDictionary(g => g.Key, g => g.Sum(r => r.UsageValue));

    /// <summary>metering_sn values that arrived with different contents: there must never be any.</summary>
    public IReadOnlyList<string> ConflictingSns() =>
        [.. Received.GroupBy(r => r.MeteringSn).Where(g => g.Select(r => (r.InstanceId, r.BeginTime, r.EndTime, r.UsageValue, r.Package)).Distinct().Count() > 1).Select(g => g.Key)];

    private async Task<IResult> TakeAsync(HttpContext http)
    {
        Interlocked.Increment(ref _calls);
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var headers = http.Request.Headers;
        if (!UsagePushSignature.Verify(_accessKey, headers["ts"].ToString(), headers["nonce"].ToString(), body, headers["signature"].ToString()))
        {
            Interlocked.Increment(ref _badSignatures);
            return Answer(400, "MKT.0102", "body signature check failed");
        }

        return await TakeRecordsAsync(http, Parse(body));
    }

    private async Task<IResult> TakeOldAsync(HttpContext http)
    {
        Interlocked.Increment(ref _calls);
        var request = http.Request;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var uri = new Uri($"{request.Scheme}://{request.Host}{request.Path}{request.QueryString}");
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        if (!ApiGatewaySigner.Verify(request.Method, uri, headers, body, FakeOrderApi.AccessKeyId, FakeOrderApi.SecretAccessKey))
        {
            Interlocked.Increment(ref _badSignatures);
            return Answer(401, "APIGW.0303", "app authentication failed");
        }

        return await TakeRecordsAsync(http, Parse(body, old: true));
    }

    private async Task<IResult> TakeRecordsAsync(HttpContext http, IReadOnlyList<ReceivedRecord> records)
    {
        if (records.Count is 0 or > UsagePushBody.MaxRecords) return Answer(500, "MKT.9003", "too many records");
        if (records.FirstOrDefault(r => _unknownInstances.ContainsKey(r.InstanceId)) is { } unknown)
        {
            return Answer(500, "MKT.9001", $"instance {unknown.InstanceId} not found");
        }

        Fault? fault = _faults.TryDequeue(out var next) ? next : null;
        CallLog.Enqueue($"{records.Count} records: {fault?.ToString() ?? "accepted"}");
        if (fault == Fault.InternalError) return Answer(500, "MKT.0999", "internal error");

        foreach (var record in records) Received.Enqueue(record);
        if (fault == Fault.AnswerTooLate) await Task.Delay(SlowAnswer);
        if (fault == Fault.ResetAfterReceipt) http.Abort();
        return Answer(200, "MKT.0000", "success");
    }

    // The old version has no metering_sn, so nothing tells a re-send from new usage: each arrival is billed, under an sn of its own.
    private static IReadOnlyList<ReceivedRecord> Parse(byte[] body, bool old = false)
    {
        using var json = JsonDocument.Parse(body);
        return [.. json.RootElement.GetProperty("usage_records").EnumerateArray().Select(r => new ReceivedRecord(
            r.GetProperty("instance_id").GetString()!,
            UsageTimeOf(r.GetProperty("begin_time").GetString()!),
            UsageTimeOf(r.GetProperty("end_time").GetString()!),
            decimal.Parse(r.GetProperty("usage_value").GetString()!, CultureInfo.InvariantCulture),
            old ? $"old-{Guid.NewGuid():N}" : r.GetProperty("metering_sn").GetString()!,
            r.TryGetProperty("relate_pkg_instance", out var package) ? package.GetString() : null))];
    }

    private static DateTimeOffset UsageTimeOf(string text) =>
        DateTimeOffset.ParseExact(text, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static IResult Answer(int status, string code, string message) =>
        Results.Content($$"""{"error_code":"{{code}}","error_msg":"{{message}}"}""", "application/json", statusCode: status);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>One usage record as the marketplace received it.</summary>
public sealed record ReceivedRecord(string InstanceId, DateTimeOffset BeginTime, DateTimeOffset EndTime, decimal UsageValue, string MeteringSn, string? Package);
