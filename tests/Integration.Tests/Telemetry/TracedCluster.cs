using System.Security.Cryptography;
using Provisioning.Integration.Tests.Instances;
using Provisioning.Integration.Tests.Postgres;
using Provisioning.KooGallery;
using Provisioning.Testing;

namespace Provisioning.Integration.Tests.Telemetry;

/// <summary>
/// A silo process and a client-mode gateway on one PostgreSQL database, both exporting OTLP to one <see cref="OtlpReceiver"/>
/// within a tenth of a second of a span ending; the silo's provisioning hook points at the receiver too.
/// </summary>
public sealed class TracedCluster : IAsyncLifetime
{
    private SiloProcess? _silo;
    private ClientModeGateway? _gateway;

    internal OtlpReceiver Receiver { get; private set; } = null!;

    internal SiloProcess Silo => _silo!;

    internal ClientModeGateway Gateway => _gateway!;

    /// <summary>How many instances the tests opened on this cluster.</summary>
    public int Opened { get; private set; }

    public async Task InitializeAsync()
    {
        var database = await PostgresServer.CreateMigratedDatabaseAsync("telemetry");
        Receiver = await OtlpReceiver.StartAsync();
        var export = new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Receiver.Url.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            ["Telemetry:CountsPeriod"] = "00:00:01",
        };
        _silo = await SiloProcess.StartAsync(database, within: TimeSpan.FromSeconds(60), new Dictionary<string, string?>(export)
        {
            ["SellerApplication:ProvisioningUrl"] = Receiver.ProvisioningUrl.ToString(),
            ["SellerApplication:SigningSecret"] = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)),
        });
        _gateway = new ClientModeGateway(database, export);
    }

    /// <summary>Opens one V1 instance through the gateway, as the marketplace does.</summary>
    public async Task<SignedAnswer> OpenInstanceAsync()
    {
        var answer = await new V1Client(Gateway.CreateClient()).Call("newInstance", V1Orders.NewInstance(V1Orders.NewOrderId()));
        Assert.Equal(ResultCodes.Success, answer.ResultCode);
        Opened++;
        return answer;
    }

    public async Task DisposeAsync()
    {
        if (_gateway is not null) await _gateway.DisposeAsync();
        _silo?.Dispose();
        if (Receiver is not null) await Receiver.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class TracedClusterCollection : ICollectionFixture<TracedCluster>
{
    public const string Name = nameof(TracedClusterCollection);
}
