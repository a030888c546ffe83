#!/usr/bin/env bash
# A cluster on one machine, all on loopback: a throwaway PostgreSQL (scripts/with-postgres.sh), the schema migrated once,
# N silo hosts (--silos, default 2) and a gateway in client mode (--port, default 5080), every key generated and printed.
# Beside them the simulator's fake tenant auth center (port 5095) for the login scenarios, whose logins the gateway lets
# return to http://127.0.0.1:5201 (the fake seller application's default port).
# Runs until Ctrl-C or SIGTERM, then stops the gateway and the silos gracefully; with `-- command` it runs the command
# against the cluster instead (the command sees CLUSTER_GATEWAY_URL, CLUSTER_AUTH_CENTER_URL, CLUSTER_LOGIN_RETURN_URL and
# every key in its environment) and exits with its code.
# Builds the Release hosts and the simulator first when they are missing or older than the sources.
# Example: ./scripts/cluster.sh --silos 3 -- curl -fsS localhost:5080/health/ready
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { echo "usage: $0 [--silos N (1-9)] [--port GATEWAY_PORT] [-- command args...]" >&2; exit 2; }
log() { echo "cluster.sh: $*" >&2; }

silos=2 port=5080 command=()
while (($#)); do
    case "$1" in
        --silos) [[ "${2:-}" =~ ^[1-9]$ ]] || usage; silos="$2"; shift 2 ;;
        --port) [[ "${2:-}" =~ ^[0-9]+$ ]] || usage; port="$2"; shift 2 ;;
        --) shift; command=("$@"); break ;;
        *) usage ;;
    esac
done

silo_dll=src/Silo/bin/Release/net10.0/Provisioning.Silo.dll
gateway_dll=src/Gateway/bin/Release/net10.0/Provisioning.Gateway.dll
simulator_dll=tools/Simulator/bin/Release/net10.0/Provisioning.Simulator.dll
# stale DLL: whether the build output is missing or older than a source file.
stale() {
    [[ ! -f "$1" ]] || [[ -n "$(find src tools deploy/sql Directory.Build.props Directory.Packages.props -newer "$1" -type f \
        \( -name '*.cs' -o -name '*.csproj' -o -name '*.json' -o -name '*.props' -o -name '*.sql' \) \
        -not -path '*/bin/*' -not -path '*/obj/*' -print -quit)" ]]
}
if [[ -z "${CLUSTER_IN_POSTGRES:-}" ]]; then
    if stale "$silo_dll" || stale "$gateway_dll" || stale "$simulator_dll"; then
        log "building the Release hosts and the simulator"
        dotnet build -c Release src/Silo/Silo.csproj -v quiet -nologo >&2
        dotnet build -c Release src/Gateway/Gateway.csproj -v quiet -nologo >&2
        dotnet build -c Release tools/Simulator/Simulator.csproj -v quiet -nologo >&2
    fi
    exec ./scripts/with-postgres.sh env CLUSTER_IN_POSTGRES=1 "$0" --silos "$silos" --port "$port" ${command[@]+-- "${command[@]}"}
fi

work="$(mktemp -d /tmp/provisioning-cluster.XXXXXX)"
pids=() names=() failed=0

# stop INDEX: SIGTERM, then waits for the host's graceful exit (SIGKILL if it takes over a minute); a non-zero exit is reported.
stop() {
    local pid="${pids[$1]}" status=0
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 600); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null && log "${names[$1]} did not stop within a minute: killed"
    wait "$pid" 2>/dev/null || status=$?
    # 127: reaped before (it ended by itself, which is reported where that was seen).
    ((status == 0 || status == 127)) || { log "${names[$1]} exited with $status"; failed=1; }
}

stop_all() {
    # The gateway (listed first) drains its callbacks while the silos still answer; then the silos leave the cluster.
    local i
    ((${#pids[@]})) || return 0
    local stopping=$SECONDS
    stop 0
    for ((i = 1; i < ${#pids[@]}; i++)); do kill -TERM "${pids[$i]}" 2>/dev/null || true; done
    for ((i = 1; i < ${#pids[@]}; i++)); do stop "$i"; done
    pids=()
    log "stopped in $((SECONDS - stopping)) s"
}

finish() {
    local status=$?
    trap - EXIT INT TERM
    stop_all
    # Its exit code is not the run's: the login-refusals scenario presents a code twice on purpose.
    kill ${fake_auth_center:-} 2>/dev/null || true
    # Stopped by Ctrl-C (130) or SIGTERM (143) is a normal end; a failure keeps the logs.
    if ((failed || (status != 0 && status != 130 && status != 143))); then
        log "logs kept in $work"
    else
        rm -rf "$work"
    fi
    exit "$status"
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# started NAME URL COMMAND...: runs a host in the background, its output in $work/NAME.log.
started() {
    local name="$1" url="$2"
    shift 2
    "$@" > "$work/$name.log" 2>&1 &
    pids+=("$!") names+=("$name")
    urls+=("$url")
}

wait_ready() {
    local i
    for i in "${!pids[@]}"; do
        for _ in $(seq 1 120); do
            curl -sf "${urls[$i]}/health/ready" > /dev/null && continue 2
            kill -0 "${pids[$i]}" 2>/dev/null || break
            sleep 0.5
        done
        log "${names[$i]} did not get ready; the end of its log:"
        tail -n 30 "$work/${names[$i]}.log" >&2
        exit 1
    done
}

source scripts/lib/keys.sh
source scripts/lib/auth-center.sh
generate_keys "$work"
export ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning
export ConnectionStrings__Provisioning="$PROVISIONING_TEST_PG" Database__MigrateOnStart=false
export Orleans__Endpoints__AdvertisedIPAddress=127.0.0.1
export CLUSTER_GATEWAY_URL="http://127.0.0.1:$port"
export CLUSTER_AUTH_CENTER_URL=http://127.0.0.1:5095 CLUSTER_LOGIN_RETURN_URL=http://127.0.0.1:5201/signed-in
login_settings http://127.0.0.1:5201
start_fake_auth_center 5095 "$work/auth-center.log"

dotnet "$silo_dll" migrate > "$work/migrate.log" 2>&1 || { cat "$work/migrate.log" >&2; exit 1; }

urls=()
for ((i = 1; i <= silos; i++)); do
    started "silo$i" "http://127.0.0.1:$((5080 + i))" env Orleans__SiloName="silo$i" \
        Orleans__Endpoints__SiloPort=$((11110 + i)) Orleans__Endpoints__GatewayPort=$((29999 + i)) \
        dotnet "$silo_dll" --urls "http://127.0.0.1:$((5080 + i))"
done
wait_ready
# The gateway is started last and listed first, so it is stopped first.
started gateway "$CLUSTER_GATEWAY_URL" env Orleans__Mode=client dotnet "$gateway_dll" --urls "$CLUSTER_GATEWAY_URL"
pids=("${pids[-1]}" "${pids[@]:0:${#pids[@]}-1}") names=("${names[-1]}" "${names[@]:0:${#names[@]}-1}") urls=("${urls[-1]}" "${urls[@]:0:${#urls[@]}-1}")
wait_ready

for i in "${!pids[@]}"; do
    case "${names[$i]}" in
        gateway) log "gateway  ${urls[$i]}  (client mode; /koogallery, /api, /health/ready)" ;;
        *) log "${names[$i]}    ${urls[$i]}  (silo port $((11110 + i)), gateway port $((29999 + i)))" ;;
    esac
done
log "ready ${SECONDS} s after the start; logs in $work"
cat >&2 <<EOF
cluster.sh: keys (every process has them):
  KooGallery__Key=$KooGallery__Key
  KooGallery__AccessKey=$KooGallery__AccessKey
  KooGallery__KitAccessKey=$KooGallery__KitAccessKey   (Kit public key: $work/kit.pub)
  KooGallery__LicenseAccessKey=$KooGallery__LicenseAccessKey
  SellerApi__Key=$SellerApi__Key
  SellerApi__UsageKey=$SellerApi__UsageKey
  SellerApi__AdminKey=$SellerApi__AdminKey
  SellerApi__LicenseKey=$SellerApi__LicenseKey
  ConnectionStrings__Provisioning=$ConnectionStrings__Provisioning
EOF
simulator_key_args
log "fake auth center $CLUSTER_AUTH_CENTER_URL (logins return to $CLUSTER_LOGIN_RETURN_URL)"
log "play it: dotnet $simulator_dll run --gateway $CLUSTER_GATEWAY_URL ${simulator_keys[*]} --auth-center $CLUSTER_AUTH_CENTER_URL --login-return-url $CLUSTER_LOGIN_RETURN_URL"

if ((${#command[@]})); then
    status=0
    "${command[@]}" || status=$?
    exit "$status"
fi

log "running; Ctrl-C stops it"
# Until a signal arrives, or a host ends by itself (which stops the rest).
wait -n "${pids[@]}" || true
log "a host ended by itself; stopping the cluster"
exit 1
