using System.Collections.Concurrent;
using System.Diagnostics;
using Provisioning.Testing;

namespace Provisioning.Integration.Tests.Instances;

/// <summary>
/// The built silo host (src/Silo) as a process of its own, so that a test can SIGKILL it as the OOM killer or a lost
/// machine would: it leaves no word in the membership table, and the cluster has to find out by probing.
/// </summary>
internal sealed class SiloProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();

    private SiloProcess(Process process, Uri health) => (_process, Health) = (process, health);

    /// <summary>Where the silo's health probes answer.</summary>
    public Uri Health { get; }

    /// <summary>
    /// Starts the silo on the given (migrated) database, with any further <paramref name="settings"/> (configuration keys,
    /// e.g. <c>SellerApplication:EventsUrl</c>), and waits until its <c>/health/ready</c> answers 200.
    /// </summary>
    public static async Task<SiloProcess> StartAsync(string connectionString, TimeSpan within, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Provisioning.Silo.dll"));
        var port = GatewayFactory.FreePort();
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ConnectionStrings__Provisioning"] = connectionString;
        start.Environment["Database__MigrateOnStart"] = "false";
        start.Environment["Orleans__Endpoints__AdvertisedIPAddress"] = "127.0.0.1";
        start.Environment["Orleans__Endpoints__SiloPort"] = GatewayFactory.FreePort().ToString();
        start.Environment["Orleans__Endpoints__GatewayPort"] = GatewayFactory.FreePort().ToString();
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in settings ?? new Dictionary<string, string?>()) start.Environment[name.Replace(":", "__", StringComparison.Ordinal)] = value;

        var silo = new SiloProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}/health/"));
        silo._process.OutputDataReceived += (_, e) => silo.Keep(e.Data);
        silo._process.ErrorDataReceived += (_, e) => silo.Keep(e.Data);
        silo._process.BeginOutputReadLine();
        silo._process.BeginErrorReadLine();
        try
        {
            await silo.WaitUntilReadyAsync(within);
            return silo;
        }
        catch
        {
            silo.Dispose();
            throw;
        }
    }

    /// <summary>SIGKILL: the process ends at once, without any shutdown of its own.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>The end of the silo's log, for a failure message.</summary>
    public string Log => string.Join(Environment.NewLine, _log);

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync(TimeSpan within)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"the silo process exited with {_process.ExitCode}:{Environment.NewLine}{Log}");
            try
            {
                if ((await http.GetAsync(new Uri(Health, "ready"))).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the silo process was not ready within {within}:{Environment.NewLine}{Log}");
            await Task.Delay(100);
        }
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _log.Enqueue(line);
        while (_log.Count > 40) _log.TryDequeue(out _);
    }
}
