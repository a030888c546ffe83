#!/usr/bin/env bash
# Runs a command beside a throwaway PostgreSQL and always removes the server again. The command finds the server's admin
# connection string in PROVISIONING_TEST_PG. PG_DURABLE=1 keeps fsync on (for benchmarks; tests turn it off for speed).
# Example: ./scripts/with-postgres.sh dotnet run -c Release --project bench/Provisioning.Bench
set -euo pipefail

log() { echo "with-postgres.sh: $*" >&2; }

find_postgres_bin() {
    # Debian's layout: one directory per major version; take the newest.
    local initdb
    initdb="$(ls -1 /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)"
    [[ -n "$initdb" ]] && dirname "$initdb"
}

pg_bin="$(find_postgres_bin || true)"
if [[ -z "$pg_bin" ]]; then
    log "PostgreSQL is not installed; installing it with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y --no-install-recommends postgresql
    pg_bin="$(find_postgres_bin)" || { log "initdb is still missing after installing PostgreSQL"; exit 1; }
fi

# initdb and postgres refuse to run as root, so root runs them as the postgres OS user.
if [[ "$(id -u)" == 0 ]]; then
    pg_user=postgres
    as_pg_user() { runuser -u "$pg_user" -- "$@"; }
else
    pg_user="$(id -un)"
    as_pg_user() { "$@"; }
fi

# Under /tmp, not $TMPDIR: the postgres OS user must be able to reach it.
work_dir="$(mktemp -d /tmp/provisioning-pg.XXXXXX)"
data_dir="$work_dir/data"
socket_dir="$work_dir/socket"
server_log="$work_dir/postgres.log"
command_pid=""

cleanup() {
    local status=$?
    if [[ -n "$command_pid" ]]; then
        # The command runs in its own process group (setsid); stop all of it, test hosts included.
        kill -TERM -- "-$command_pid" 2>/dev/null || true
        wait "$command_pid" 2>/dev/null || true
    fi
    if [[ -f "$data_dir/postmaster.pid" ]]; then
        as_pg_user "$pg_bin/pg_ctl" -D "$data_dir" -m immediate -w stop >/dev/null || true
    fi
    rm -rf "$work_dir"
    exit "$status"
}
trap cleanup EXIT
# Turn signals into an ordinary exit, so the EXIT trap above always runs.
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$data_dir" "$socket_dir"
chown -R "$pg_user" "$work_dir"
chmod 700 "$data_dir"
# The C locale exists on every machine; the environment's locale may not be installed.
as_pg_user "$pg_bin/initdb" -D "$data_dir" -U postgres -A trust -E UTF8 --no-locale >/dev/null

# Tests throw the server away, so durability only costs them time; benchmarks measure durable writes.
durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
[[ "${PG_DURABLE:-0}" == 1 ]] && durability=""

# Let the server itself prove a port is free: binding is the only check without a race.
port=""
for _ in $(seq 1 20); do
    candidate=$((20000 + RANDOM % 40000))
    rm -f "$server_log"
    if as_pg_user "$pg_bin/pg_ctl" -D "$data_dir" -l "$server_log" -w -t 60 start -o "\
        -p $candidate -k $socket_dir -c listen_addresses=127.0.0.1 -c max_connections=300 $durability" >/dev/null; then
        port="$candidate"
        break
    fi
    if ! grep -q "Address already in use" "$server_log"; then
        cat "$server_log" >&2
        log "PostgreSQL did not start"
        exit 1
    fi
done
if [[ -z "$port" ]]; then
    log "found no free port for PostgreSQL after 20 tries"
    exit 1
fi
log "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') is listening on 127.0.0.1:$port${durability:+ (fsync off)}"

# The server's admin connection: tests and benchmarks create their own databases from it.
export PROVISIONING_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"

setsid "$@" &
command_pid=$!
command_status=0
wait "$command_pid" || command_status=$?
command_pid=""
exit "$command_status"
