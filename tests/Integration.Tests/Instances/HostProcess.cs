using System.Collections.Concurrent;
using System.Diagnostics;

namespace Provisioning.Integration.Tests.Instances;

/// <summary>
/// A built host (src/Silo or src/Gateway) as a process of its own on loopback ports, so that a test can stop it as an
/// orchestrator does (SIGTERM, a graceful stop) or kill it as the OOM killer or a lost machine would (SIGKILL).
/// </summary>
internal abstract class HostProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();

    protected HostProcess(Process process, Uri address) => (_process, Address) = (process, address);

    /// <summary>Where the host's HTTP endpoints answer.</summary>
    public Uri Address { get; }

    /// <summary>Where the host's health probes answer.</summary>
    public Uri Health => new(Address, "/health/");

    /// <summary>The end of the host's log, for a failure message.</summary>
    public string Log => string.Join(Environment.NewLine, _log);

    /// <summary>
    /// Starts <paramref name="assembly"/> (e.g. <c>Provisioning.Silo.dll</c>, from the test's output) in Production on the
    /// loopback <paramref name="port"/> with the host's <paramref name="defaults"/> and the test's <paramref name="settings"/>
    /// (configuration keys; a test's setting wins), and waits until its <c>/health/ready</c> answers 200.
    /// </summary>
    protected static async Task<T> StartAsync<T>(
        string assembly, int port, IReadOnlyDictionary<string, string?> defaults, IReadOnlyDictionary<string, string?>? settings, TimeSpan within,
        Func<Process, Uri, T> create)
        where T : HostProcess
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, assembly));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in defaults.Concat(settings ?? new Dictionary<string, string?>()))
        {
            start.Environment[name.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var host = create(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}/"));
        host._process.OutputDataReceived += (_, e) => host.Keep(e.Data);
        host._process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        try
        {
            await host.WaitUntilReadyAsync(within);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>SIGKILL: the process ends at once, without any shutdown of its own.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>Sends SIGTERM, as Kubernetes does to stop a pod, without waiting.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()]);
        kill.WaitForExit();
        if (kill.ExitCode != 0) throw new InvalidOperationException($"kill -TERM {_process.Id} exited with {kill.ExitCode}");
    }

    /// <summary>SIGTERM, then waits for the process to end by itself: its exit code and how long it took.</summary>
    public async Task<(int ExitCode, TimeSpan Took)> StopAsync(TimeSpan within)
    {
        var stopping = Stopwatch.StartNew();
        Terminate();
        return (await ExitAsync(within), stopping.Elapsed);
    }

    /// <summary>Waits for the process to end by itself and returns its exit code; a timeout kills it and says so with its log.</summary>
    public async Task<int> ExitAsync(TimeSpan within)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(within);
        }
        catch (TimeoutException)
        {
            Kill();
            throw new TimeoutException($"the process did not end within {within} of SIGTERM:{Environment.NewLine}{Log}");
        }

        return _process.ExitCode;
    }

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
            if (_process.HasExited) throw new InvalidOperationException($"the process exited with {_process.ExitCode}:{Environment.NewLine}{Log}");
            try
            {
                if ((await http.GetAsync(new Uri(Health, "ready"))).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the process was not ready within {within}:{Environment.NewLine}{Log}");
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
