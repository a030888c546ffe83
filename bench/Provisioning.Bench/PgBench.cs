using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Provisioning.Bench;

/// <summary>
/// PostgreSQL's own benchmark tool, pgbench, as a baseline: one custom SQL script run by many clients with prepared
/// statements for the warm-up plus the measured window. Its per-transaction log gives the same figures as
/// <see cref="LoadRun"/>: completions per second and latency percentiles within the window.
/// </summary>
internal static class PgBench
{
    public static async Task<LoadResult> RunAsync(
        string name, string connectionString, int clients, TimeSpan duration, string script, IReadOnlyDictionary<string, string> variables)
    {
        var work = Directory.CreateTempSubdirectory("pgbench-");
        try
        {
            var scriptFile = Path.Combine(work.FullName, "script.sql");
            await File.WriteAllTextAsync(scriptFile, script);
            var logPrefix = Path.Combine(work.FullName, "log");
            var database = new NpgsqlConnectionStringBuilder(connectionString);
            var start = new ProcessStartInfo(Executable())
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                ArgumentList =
                {
                    "--no-vacuum", "--protocol=prepared", $"--client={clients}", $"--jobs={Math.Min(clients, Environment.ProcessorCount)}",
                    $"--time={(int)Math.Ceiling((LoadRun.Warmup + duration).TotalSeconds)}", $"--file={scriptFile}",
                    "--log", $"--log-prefix={logPrefix}",
                    $"--host={database.Host}", $"--port={database.Port}", $"--username={database.Username}",
                },
            };
            foreach (var (variable, value) in variables) start.ArgumentList.Add($"--define={variable}={value}");
            start.ArgumentList.Add(database.Database!);
            if (database.Password is { } password) start.Environment["PGPASSWORD"] = password;

            var measureFrom = DateTimeOffset.UtcNow + LoadRun.Warmup;
            var measureUntil = measureFrom + duration;
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"pgbench exited with {process.ExitCode}: {await errors}{await output}");
            }

            var latencies = new List<double>();
            foreach (var log in work.EnumerateFiles("log.*"))
            {
                foreach (var line in await File.ReadAllLinesAsync(log.FullName))
                {
                    // client_id transaction_no latency_us script_no completed_epoch_s completed_us
                    var fields = line.Split(' ');
                    var completed = DateTimeOffset.FromUnixTimeSeconds(long.Parse(fields[4], CultureInfo.InvariantCulture))
                        .AddMicroseconds(long.Parse(fields[5], CultureInfo.InvariantCulture));
                    if (completed >= measureFrom && completed < measureUntil)
                    {
                        latencies.Add(long.Parse(fields[2], CultureInfo.InvariantCulture) / 1000.0);
                    }
                }
            }

            return LoadResult.Of(name, clients, duration, latencies, FailedTransactions(await output));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static string Executable()
    {
        if (Environment.GetEnvironmentVariable("PGBENCH") is { Length: > 0 } configured) return configured;

        // Debian's layout, as in scripts/with-postgres.sh: one directory per major version; take the newest.
        const string debian = "/usr/lib/postgresql";
        var newest = Directory.Exists(debian)
            ? Directory.EnumerateDirectories(debian)
                .Where(version => File.Exists(Path.Combine(version, "bin", "pgbench")))
                .MaxBy(version => int.TryParse(Path.GetFileName(version), CultureInfo.InvariantCulture, out var major) ? major : 0)
            : null;
        return newest is null ? "pgbench" : Path.Combine(newest, "bin", "pgbench");
    }

    private static int FailedTransactions(string summary)
    {
        const string label = "number of failed transactions: ";
        var line = summary.Split('\n').FirstOrDefault(l => l.StartsWith(label, StringComparison.Ordinal));
        return line is null ? 0 : int.Parse(line[label.Length..].Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
