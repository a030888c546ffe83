#!/usr/bin/env bash
# Builds the silo and gateway images and runs them as a cluster on this machine with host networking (loopback only):
# a throwaway PostgreSQL (with-postgres.sh), the migration, two silo containers and a gateway container in client mode,
# then plays every simulator scenario against the gateway and stops one silo container (SIGTERM) mid-run; every scenario
# must still pass. Installs docker.io and debootstrap when they are missing, starts dockerd when none runs (and stops it
# again), and makes local base images (deploy/docker/local-base) when Microsoft's cannot be pulled. Prints the image
# sizes, each container's start-up time to ready and the total time. Needs root. READY_TO_RUN=false builds the images without ReadyToRun.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { echo "container-test: $*" >&2; }
now() { date +%s.%N; }
seconds_since() { awk -v start="$1" -v end="$(now)" 'BEGIN { printf "%.1f", end - start }'; }

silo_image=provisioning/silo:test gateway_image=provisioning/gateway:test
export CONTAINER_TEST_RUN="${CONTAINER_TEST_RUN:-$$}"
run_label="provisioning-container-test=$CONTAINER_TEST_RUN"

if [[ "${1:-}" != --cluster ]]; then
    started="$(now)"
    work="$(mktemp -d /tmp/provisioning-containers.XXXXXX)"
    dockerd_pid=""
    cleanup() {
        local status=$?
        local containers
        containers="$(docker ps -aq --filter "label=$run_label" 2>/dev/null || true)"
        [[ -z "$containers" ]] || docker rm -f $containers > /dev/null 2>&1 || true
        if [[ -n "$dockerd_pid" ]]; then
            kill -TERM "$dockerd_pid" 2>/dev/null || true
            wait "$dockerd_pid" 2>/dev/null || true
        fi
        rm -rf "$work"
        exit "$status"
    }
    trap cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM

    if ! command -v dockerd > /dev/null || ! command -v debootstrap > /dev/null; then
        log "installing docker.io and debootstrap with apt-get"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq docker.io debootstrap > "$work/apt.log" || { tail -n 20 "$work/apt.log" >&2; exit 1; }
    fi

    if ! docker info > /dev/null 2>&1; then
        log "starting dockerd"
        # Every container here runs with host networking: no default bridge, no NAT rules.
        dockerd --bridge=none --iptables=false > "$work/dockerd.log" 2>&1 &
        dockerd_pid=$!
        for _ in $(seq 1 60); do
            docker info > /dev/null 2>&1 && break
            kill -0 "$dockerd_pid" 2>/dev/null || { tail -n 20 "$work/dockerd.log" >&2; log "dockerd exited"; exit 1; }
            sleep 0.5
        done
        docker info > /dev/null 2>&1 || { tail -n 20 "$work/dockerd.log" >&2; log "dockerd did not answer within 30 s"; exit 1; }
    fi
    log "docker: CLI $(docker version -f '{{.Client.Version}}'), daemon $(docker version -f '{{.Server.Version}}')"

    # The default bases when they are here or can be pulled at once; no registry answers on this machine, so fail fast.
    base_image=mcr.microsoft.com/dotnet/aspnet:10.0 sdk_image=mcr.microsoft.com/dotnet/sdk:10.0
    available() { docker image inspect "$1" > /dev/null 2>&1 || timeout 20 docker pull -q "$1" > /dev/null 2>&1; }
    if ! available "$base_image" || ! available "$sdk_image"; then
        log "$base_image or $sdk_image cannot be pulled: using local base images made from this machine's .NET"
        phase="$(now)"
        eval "$(deploy/docker/local-base/build.sh)"
        base_image="$BASE_IMAGE" sdk_image="$SDK_IMAGE"
        log "local base images ready in $(seconds_since "$phase") s"
    fi

    build_stage() { sed -n '/^FROM ${SDK_IMAGE}/,/^FROM ${BASE_IMAGE}/p' "$1"; }
    if [[ "$(build_stage deploy/docker/silo.Dockerfile)" != "$(build_stage deploy/docker/gateway.Dockerfile)" ]]; then
        log "the build stages of deploy/docker/silo.Dockerfile and gateway.Dockerfile differ: the builder cannot share them"
        exit 1
    fi
    # This CLI has no buildx plugin and BuildKit needs it, so the images use the legacy builder.
    build() {
        local image="$1" dockerfile="$2" phase
        phase="$(now)"
        if ! DOCKER_BUILDKIT=0 docker build --force-rm --network host --build-arg "BASE_IMAGE=$base_image" \
            --build-arg "SDK_IMAGE=$sdk_image" --build-arg "READY_TO_RUN=${READY_TO_RUN:-true}" \
            -f "$dockerfile" -t "$image" . > "$work/build.log" 2>&1; then
            tail -n 30 "$work/build.log" >&2
            log "building $image failed"
            exit 1
        fi
        log "built $image in $(seconds_since "$phase") s"
    }
    build "$silo_image" deploy/docker/silo.Dockerfile
    build "$gateway_image" deploy/docker/gateway.Dockerfile

    phase="$(now)"
    dotnet build -c Release tools/Simulator/Simulator.csproj -v quiet -nologo > "$work/simulator-build.log" 2>&1 \
        || { cat "$work/simulator-build.log" >&2; exit 1; }
    log "built the simulator in $(seconds_since "$phase") s"

    ./scripts/with-postgres.sh "$0" --cluster
    for image in "$base_image" "$silo_image" "$gateway_image"; do
        log "image $image: $(docker image inspect -f '{{.Size}}' "$image" | awk '{ printf "%.0f MB", $1 / 1e6 }')"
    done
    log "passed in $(seconds_since "$started") s"
    exit 0
fi

# --cluster: runs beside the PostgreSQL of with-postgres.sh (PROVISIONING_TEST_PG); the caller removes the containers.
work="$(mktemp -d /tmp/provisioning-cluster.XXXXXX)"
containers=()
show_logs() {
    local status=$?
    if [[ "$status" != 0 ]]; then
        for name in "${containers[@]}"; do
            echo "----- last lines of $name -----" >&2
            docker logs --tail 30 "$name" >&2 2>&1 || true
        done
    fi
    rm -rf "$work"
    exit "$status"
}
trap 'kill ${fake_auth_center:-} 2>/dev/null || true; show_logs' EXIT

pg_port="$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<< "$PROVISIONING_TEST_PG")"
psql -q -h 127.0.0.1 -p "$pg_port" -U postgres -c 'CREATE DATABASE provisioning' > /dev/null
# The silos as the membership table has them: "address:port status" (Orleans' SiloStatus: 3 active, 6 dead).
members() {
    psql -At -F ' ' -h 127.0.0.1 -p "$pg_port" -U postgres -d provisioning \
        -c "SELECT address || ':' || port, status FROM orleansmembershiptable ORDER BY port"
}
export ConnectionStrings__Provisioning="${PROVISIONING_TEST_PG/Database=postgres/Database=provisioning}"

# Ten ports in a row that no socket uses (other processes on this machine may run silos on Orleans' defaults): the
# gateway's, each silo's HTTP, silo and gateway ports, the fake open API's, the fake seller application's and the fake auth
# center's. They lie below the kernel's ephemeral range, so no outgoing connection (to PostgreSQL, between silos) takes one
# before its host binds it.
read -r ephemeral_low _ < /proc/sys/net/ipv4/ip_local_port_range
port_base=""
for _ in $(seq 1 20); do
    candidate=$((20000 + RANDOM % (ephemeral_low - 20000 - 10)))
    in_use="$(ss -Htan | awk '{ sub(/.*:/, "", $4); print $4 }')"
    if ! grep -qxE "$(seq -s '|' "$candidate" $((candidate + 9)))" <<< "$in_use"; then
        port_base="$candidate"
        break
    fi
done
[[ -n "$port_base" ]] || { log "found no ten free ports in a row"; exit 1; }
gateway_port=$port_base
silo1_http=$((port_base + 1)) silo1_port=$((port_base + 2)) silo1_gateway=$((port_base + 3))
silo2_http=$((port_base + 4)) silo2_port=$((port_base + 5)) silo2_gateway=$((port_base + 6))
openapi_port=$((port_base + 7)) seller_app_port=$((port_base + 8)) auth_center_port=$((port_base + 9))

source scripts/lib/keys.sh
source scripts/lib/auth-center.sh
generate_keys "$work"
export ASPNETCORE_ENVIRONMENT=Production
export KooGallery__OpenApi__BaseUrl="http://127.0.0.1:$openapi_port" KooGallery__OpenApi__FallbackBaseUrl=
export SellerApplication__EventsUrl="http://127.0.0.1:$seller_app_port/events"
export SellerApplication__RetryDelay=00:00:00.200 SellerApplication__PollPeriod=00:00:00.100
login_settings "http://127.0.0.1:$seller_app_port"
shared_settings=(ASPNETCORE_ENVIRONMENT ConnectionStrings__Provisioning KooGallery__Key KooGallery__AccessKey
    KooGallery__KitAccessKey KooGallery__KitPrivateKey KooGallery__LicenseAccessKey SellerApi__Key SellerApi__UsageKey
    SellerApi__AdminKey SellerApi__LicenseKey
    KooGallery__OpenApi__BaseUrl KooGallery__OpenApi__FallbackBaseUrl KooGallery__OpenApi__AccessKeyId
    KooGallery__OpenApi__SecretAccessKey SellerApplication__EventsUrl SellerApplication__SigningSecret
    SellerApplication__RetryDelay SellerApplication__PollPeriod Licenses__SigningKey Login__ApplicationOrigins__0 KooGallery__Login__Timeout)
settings=()
for name in "${shared_settings[@]}"; do settings+=(-e "$name"); done

# Each name carries the run's id, so two runs on one daemon never meet, and the caller removes them by label.
run_container() {
    local name="$1-$CONTAINER_TEST_RUN"
    shift
    containers+=("$name")
    docker run -d --name "$name" --label "$run_label" --network host "${settings[@]}" "$@" > /dev/null
}

wait_ready() {
    local name="$1-$CONTAINER_TEST_RUN" port="$2" started="$3"
    for _ in $(seq 1 900); do
        if curl -sf -o /dev/null "http://127.0.0.1:$port/health/ready"; then
            log "$1 ready in $(seconds_since "$started") s (from docker run to /health/ready 200)"
            return 0
        fi
        [[ "$(docker inspect -f '{{.State.Running}}' "$name")" == true ]] || { log "$1 exited"; return 1; }
        sleep 0.1
    done
    log "$1 was not ready within 90 s"
    return 1
}

phase="$(now)"
run_container migrate "$silo_image" migrate
status="$(docker wait "migrate-$CONTAINER_TEST_RUN")"
[[ "$status" == 0 ]] || { log "the migration exited with $status"; exit 1; }
log "migration done in $(seconds_since "$phase") s"

silo_container() {
    local name="$1" http_port="$2" silo_port="$3" gateway_port="$4"
    run_container "$name" -e ASPNETCORE_HTTP_PORTS="$http_port" -e Database__MigrateOnStart=false \
        -e Orleans__Endpoints__AdvertisedIPAddress=127.0.0.1 -e Orleans__Endpoints__SiloPort="$silo_port" \
        -e Orleans__Endpoints__GatewayPort="$gateway_port" -e Orleans__SiloName="$name" "$silo_image"
}
# One after the other, so each start-up time is the container's own, not a share of two cores with the others.
started="$(now)"
silo_container silo1 "$silo1_http" "$silo1_port" "$silo1_gateway"
wait_ready silo1 "$silo1_http" "$started"
started="$(now)"
silo_container silo2 "$silo2_http" "$silo2_port" "$silo2_gateway"
wait_ready silo2 "$silo2_http" "$started"
started="$(now)"
run_container gateway -e ASPNETCORE_HTTP_PORTS="$gateway_port" -e Orleans__Mode=client "$gateway_image"
wait_ready gateway "$gateway_port" "$started"
expected_members="127.0.0.1:$silo1_port 3
127.0.0.1:$silo2_port 3"
[[ "$(members)" == "$expected_members" ]] || { members >&2; log "the membership table does not hold the two silos, active"; exit 1; }

log "playing every simulator scenario against the gateway container; silo2 is stopped mid-run"
phase="$(now)"
start_fake_auth_center "$auth_center_port" "$work/auth-center.log"
simulator_key_args
simulator_fake_args "$openapi_port" "$seller_app_port" "$auth_center_port"
dotnet run -c Release --no-build --project tools/Simulator -- run --gateway "http://127.0.0.1:$gateway_port" \
    "${simulator_keys[@]}" "${simulator_fakes[@]}" > "$work/simulator.log" 2>&1 &
simulator=$!
# The scenarios take about 40 s; 8 s in, calls of several scenarios are under way.
sleep 8
kill -0 "$simulator" 2>/dev/null || { cat "$work/simulator.log"; log "the simulator ended before silo2 was stopped"; exit 1; }
stop_started="$(now)"
docker stop -t 40 "silo2-$CONTAINER_TEST_RUN" > /dev/null
exit_code="$(docker inspect -f '{{.State.ExitCode}}' "silo2-$CONTAINER_TEST_RUN")"
log "silo2 stopped (SIGTERM) in $(seconds_since "$stop_started") s, exit code $exit_code"
[[ "$exit_code" == 0 ]] || { log "silo2 did not shut down cleanly"; exit 1; }
# A silo that leaves gracefully marks itself dead; one the others had to vote out would still be active for seconds.
[[ "$(members | grep "^127.0.0.1:$silo2_port ")" == *" 6" ]] || { members >&2; log "silo2 did not leave the cluster when it stopped"; exit 1; }
simulator_status=0
wait "$simulator" || simulator_status=$?
cat "$work/simulator.log"
[[ "$simulator_status" == 0 ]] || { log "the simulator failed (exit $simulator_status)"; exit 1; }
log "every scenario passed in $(seconds_since "$phase") s with silo2 stopped mid-run"
