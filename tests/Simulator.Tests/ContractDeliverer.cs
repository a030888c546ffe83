using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.WebUtilities;
using StandardWebhooks;

namespace Provisioning.Simulator.Tests;

/// <summary>
/// A test double of the backend's side of the seller event contract, for testing that the seller event scenarios catch a
/// broken contract: it watches the marketplace calls the simulator makes, derives one event per change they applied, and
/// POSTs the events in order, Standard Webhooks signed, retrying each until it is answered 2xx. Its knobs break the contract
/// the ways the scenarios must catch.
/// </summary>
internal sealed class ContractDeliverer : DelegatingHandler
{
    private readonly Channel<(string Type, string Stream, string Body)> _outbox = Channel.CreateUnbounded<(string, string, string)>();
    private readonly Dictionary<string, Facts> _instances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _versions = new(StringComparer.Ordinal);
    private readonly HttpClient _app = new() { Timeout = TimeSpan.FromSeconds(2) };
    private readonly CancellationTokenSource _stop = new();
    private readonly StandardWebhook _signer;
    private readonly Uri _eventsUrl;

    public ContractDeliverer(Uri eventsUrl, string secret)
    {
        (_eventsUrl, _signer) = (eventsUrl, new StandardWebhook(secret));
        _ = Task.Run(() => Pump(_stop.Token));
    }

    /// <summary>Each re-delivery under a new id instead of the event's own.</summary>
    public bool NewIdPerAttempt { get; init; }

    /// <summary>An event for every successful call, the marketplace's repeats included.</summary>
    public bool EventsForRepeats { get; init; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        if (answer.RootElement.TryGetProperty("resultCode", out var code) && code.GetString() == "000000")
        {
            Observe(request.RequestUri!, body, answer.RootElement);
        }

        return response;
    }

    private void Observe(Uri uri, string? body, JsonElement answer)
    {
        if (body is not null)
        {
            using var sync = JsonDocument.Parse(body);
            var tenantId = sync.RootElement.GetProperty("tenantId").GetString()!;
            var type = uri.AbsolutePath.Split('/')[^1] switch
            {
                "tenantSync" => "tenant.synced",
                "allOrgSync" or "singleOrgSync" => "tenant.departments.changed",
                "authSync" => "tenant.users.changed",
                _ => null,
            };
            if (type is not null) Emit(type, "tenant", "tenantId", tenantId);
            return;
        }

        var query = QueryHelpers.ParseQuery(uri.Query);
        string Parameter(string name) => query.TryGetValue(name, out var value) ? value.ToString() : "";
        var activity = Parameter("activity");
        var id = activity == "newInstance" ? answer.GetProperty("instanceId").GetString()! : Parameter("instanceId");
        lock (_instances)
        {
            var facts = _instances.TryGetValue(id, out var known) ? known : _instances[id] = new Facts();
            var orderIsNew = facts.Orders.Add(Parameter("orderId")) || EventsForRepeats;
            string? type = activity switch
            {
                "newInstance" when !facts.Opened || EventsForRepeats => facts.Open("instance.opened"),
                "refreshInstance" when orderIsNew => "instance.renewed",
                "upgrade" when orderIsNew => "instance.upgraded",
                "instanceStatus" when Parameter("instanceStatus") == "FREEZE" && (!facts.Frozen || EventsForRepeats) => facts.Freeze(true, "instance.frozen"),
                "instanceStatus" when Parameter("instanceStatus") == "NORMAL" && (facts.Frozen || EventsForRepeats) => facts.Freeze(false, "instance.unfrozen"),
                "releaseInstance" when !facts.Released || EventsForRepeats => facts.Release("instance.released"),
                _ => null,
            };
            if (type is not null) Emit(type, "instance", "instanceId", id);
        }
    }

    private void Emit(string type, string kind, string field, string id)
    {
        var stream = $"{kind}:live/{id}";
        lock (_versions)
        {
            var version = _versions[stream] = _versions.GetValueOrDefault(stream) + 1;
            var body = JsonSerializer.Serialize(new
            {
                type,
                timestamp = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
                data = new Dictionary<string, object> { [field] = id, ["test"] = false, ["version"] = version },
            });
            _outbox.Writer.TryWrite((type, stream, body));
        }
    }

    private async Task Pump(CancellationToken stop)
    {
        try
        {
            await foreach (var (_, _, body) in _outbox.Reader.ReadAllAsync(stop))
            {
                var id = Guid.NewGuid().ToString();
                for (var attempt = 0; !await Delivered(NewIdPerAttempt ? Guid.NewGuid().ToString() : id, body, stop); attempt++)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, 50 << attempt)), stop);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed: what is still queued is never delivered, as when a backend stops.
        }
    }

    private async Task<bool> Delivered(string id, string body, CancellationToken stop)
    {
        var now = DateTimeOffset.UtcNow;
        using var request = new HttpRequestMessage(HttpMethod.Post, _eventsUrl) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", _signer.Sign(id, now, body));
        try
        {
            using var response = await _app.SendAsync(request, stop);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !stop.IsCancellationRequested))
        {
            return false;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _outbox.Writer.TryComplete();
            _stop.Cancel();
            _app.Dispose();
        }

        base.Dispose(disposing);
    }

    private sealed class Facts
    {
        public HashSet<string> Orders { get; } = new(StringComparer.Ordinal);

        public bool Opened { get; private set; }

        public bool Frozen { get; private set; }

        public bool Released { get; private set; }

        public string Open(string type)
        {
            Opened = true;
            return type;
        }

        public string Freeze(bool frozen, string type)
        {
            Frozen = frozen;
            return type;
        }

        public string Release(string type)
        {
            Released = true;
            return type;
        }
    }
}
