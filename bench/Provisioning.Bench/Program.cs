using Provisioning.Bench;

// Runs against the throwaway PostgreSQL of scripts/with-postgres.sh (PROVISIONING_TEST_PG); see bench/README.md.
return await TenantSyncBenchmark.RunAsync();
