using System.Diagnostics;

namespace Provisioning.Bench;

/// <summary>The built gateway (Release) as its own process, co-hosting a silo on the benchmark's database, as in production.</summary>
internal sealed class GatewayProcess : IAsyncDisposable
{
    private readonly Process _process;

    private GatewayProcess(Process process, Uri address) => (_process, Address) = (process, address);

    public Uri Address { get; }

    public static async Task<GatewayProcess> StartAsync(string database, IReadOnlyDictionary<string, string> settings)
    {
        var assembly = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Gateway", "bin", "Release", "net10.0", "Provisioning.Gateway.dll");
        if (!File.Exists(assembly)) throw new InvalidOperationException($"Build the gateway first: dotnet build -c Release src/Gateway ({assembly} is missing)");

        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.GetFullPath(assembly)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(assembly))!,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        // BENCH_IN_MEMORY=1 leaves storage in memory, to separate the cost of PostgreSQL from the rest of a callback.
        if (Environment.GetEnvironmentVariable("BENCH_IN_MEMORY") != "1") start.Environment["ConnectionStrings__Provisioning"] = database;
        start.Environment["Orleans__Endpoints__AdvertisedIPAddress"] = "127.0.0.1";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in settings) start.Environment[name.Replace(":", "__", StringComparison.Ordinal)] = value;

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"gateway: {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var gateway = new GatewayProcess(process, new Uri($"http://127.0.0.1:{port}"));
        using var http = new HttpClient { BaseAddress = gateway.Address };
        for (var deadline = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < deadline; await Task.Delay(250))
        {
            if (process.HasExited) throw new InvalidOperationException($"the gateway exited with {process.ExitCode}");
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode) return gateway;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
        }

        await gateway.DisposeAsync();
        throw new TimeoutException("the gateway did not become healthy within 60 s");
    }

    /// <summary>
    /// Waits until the gateway uses under 5% of a core for a whole second, or at most a minute; returns whether it did.
    /// </summary>
    public async Task<bool> WaitUntilIdleAsync()
    {
        for (var deadline = DateTime.UtcNow.AddMinutes(1); DateTime.UtcNow < deadline;)
        {
            _process.Refresh();
            var before = _process.TotalProcessorTime;
            await Task.Delay(TimeSpan.FromSeconds(1));
            _process.Refresh();
            if (_process.TotalProcessorTime - before < TimeSpan.FromMilliseconds(50)) return true;
        }

        return false;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
