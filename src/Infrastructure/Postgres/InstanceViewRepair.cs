using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;

using Provisioning.Grains;
using Provisioning.Grains.Instances;

namespace Provisioning.Infrastructure.Postgres;

/// <summary>
/// The periodic repair of the instance query model: every <see cref="InstanceViewOptions.RepairPeriod"/>, each silo finds the
/// instance states in <c>OrleansStorage</c> whose version is newer than the one their <c>instance_views</c> row was made from (or
/// that have no row), and asks those grains to write their row and unpublished events again. It catches a silo that stopped
/// between the state write and the projection of an instance nobody calls again; states changed moments ago are left to their
/// own projection still under way.
/// </summary>
internal sealed partial class InstanceViewRepair(
    NpgsqlDataSource database, IGrainFactory grains, IOptions<InstanceViewOptions> options, IOptions<ClusterOptions> cluster,
    ILogger<InstanceViewRepair> logger) : BackgroundService
{
    /// <summary>The most instances one sweep re-projects; the next sweep takes the rest.</summary>
    public const int MaxPerSweep = 1_000;

    private const int Concurrency = 16;

    // The storage's grain type is the state name of SaasInstanceGrain's [PersistentState].
    private const string SweepSql = """
        SELECT s.GrainIdExtensionString
          FROM OrleansStorage s
          LEFT JOIN instance_views v ON v.grain_key = s.GrainIdExtensionString
         WHERE s.ServiceId = @service AND s.GrainTypeString = 'saas-instance' AND s.PayloadBinary IS NOT NULL
           AND s.ModifiedOn < now() - @grace
           AND (v.grain_key IS NULL OR v.storage_version IS NULL OR v.storage_version < s.Version)
         LIMIT @limit
        """;

    private static readonly TimeSpan MaxGrace = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = options.Value.RepairPeriod;
        using var timer = new PeriodicTimer(period);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var repaired = await SweepAsync(period < MaxGrace ? period : MaxGrace, stoppingToken);
                if (repaired > 0) LogRepaired(repaired);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(e);
            }
        }
    }

    /// <summary>Re-projects the instances whose rows are behind their states; answers how many it asked.</summary>
    internal async Task<int> SweepAsync(TimeSpan grace, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await using (var command = database.CreateCommand(SweepSql))
        {
            command.Parameters.AddWithValue("service", cluster.Value.ServiceId);
            command.Parameters.AddWithValue("grace", grace);
            command.Parameters.AddWithValue("limit", MaxPerSweep);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) keys.Add(reader.GetString(0));
        }

        await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
            async (key, _) => await grains.GetInstance(InstanceAddress.FromGrainKey(key)).Reproject());
        return keys.Count;
    }

    [LoggerMessage(LogLevel.Information, "Re-projected {Count} instance(s) whose query-model rows were behind their stored state")]
    private partial void LogRepaired(int count);

    [LoggerMessage(LogLevel.Warning, "Repairing the instance query model failed; the next sweep tries again")]
    private partial void LogSweepFailed(Exception failure);
}
