using Provisioning.Bench;

// Each benchmark runs against the throwaway PostgreSQL of scripts/with-postgres.sh (PROVISIONING_TEST_PG); see bench/README.md.
return args switch
{
    ["tenant-sync"] => await TenantSyncBenchmark.RunAsync(),
    ["callbacks"] => await CallbackBenchmark.RunAsync(),
    ["instance-memory"] => await InstanceMemoryBenchmark.RunAsync(),
    ["usage-ingest"] => await UsageIngestBenchmark.RunAsync(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Provisioning.Bench tenant-sync | callbacks | instance-memory | usage-ingest");
    return 2;
}
