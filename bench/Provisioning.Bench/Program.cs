using Provisioning.Bench;

// Each benchmark runs against the throwaway PostgreSQL of scripts/with-postgres.sh (PROVISIONING_TEST_PG); see bench/README.md.
return args switch
{
    ["tenant-sync"] => await TenantSyncBenchmark.RunAsync(),
    ["callbacks"] => await CallbackBenchmark.RunAsync(),
    ["call-history"] => await CallHistoryBenchmark.RunAsync(),
    ["instance-memory"] => await InstanceMemoryBenchmark.RunAsync(),
    ["instance-list"] => await InstanceListBenchmark.RunAsync(),
    ["console-pages"] => await ConsolePagesBenchmark.RunAsync(),
    ["usage-ingest"] => await UsageIngestBenchmark.RunAsync(),
    ["usage-ledger"] => await UsageLedgerBenchmark.RunAsync(events: 1_000_000, concurrency: 64),
    ["usage-ledger", var events, var concurrency] => await UsageLedgerBenchmark.RunAsync(int.Parse(events), int.Parse(concurrency)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Provisioning.Bench tenant-sync | callbacks | call-history | instance-memory | instance-list | console-pages | usage-ingest | usage-ledger [events concurrency]");
    return 2;
}
