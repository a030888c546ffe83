#!/usr/bin/env bash
# Plays every simulator scenario against a freshly started gateway (the Release build) and its fake KooGallery open API.
# In memory by default; --postgres runs the gateway on a throwaway PostgreSQL (scripts/with-postgres.sh).
# The simulator also starts the fake seller application, and the gateway's events go to it (retried within a second); the
# fake tenant auth center runs beside them for the login scenarios, whose logins return to the seller application's origin.
# Example: dotnet build -c Release Provisioning.sln && ./scripts/simulate.sh --postgres
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${1:-}" == "--postgres" ]]; then
    shift
    exec ./scripts/with-postgres.sh env SIMULATE_DATABASE=1 "$0" "$@"
fi

work="$(mktemp -d)"
trap 'kill ${gateway:-} ${fake_auth_center:-} 2>/dev/null || true; rm -rf "$work"' EXIT
source scripts/lib/keys.sh
source scripts/lib/auth-center.sh
generate_keys "$work"

port=5181 openapi_port=5191 seller_app_port=5201 auth_center_port=5211
export ASPNETCORE_ENVIRONMENT=Development Logging__LogLevel__Default=Warning
export KooGallery__OpenApi__BaseUrl="http://127.0.0.1:$openapi_port" KooGallery__OpenApi__FallbackBaseUrl=
if [[ -n "${SIMULATE_DATABASE:-}" ]]; then export ConnectionStrings__Provisioning="$PROVISIONING_TEST_PG"; fi
export SellerApplication__EventsUrl="http://127.0.0.1:$seller_app_port/events"
export SellerApplication__RetryDelay=00:00:00.200 SellerApplication__PollPeriod=00:00:00.100
login_settings "http://127.0.0.1:$seller_app_port"
start_fake_auth_center "$auth_center_port" "$work/auth-center.log"

dotnet src/Gateway/bin/Release/net10.0/Provisioning.Gateway.dll --urls "http://127.0.0.1:$port" > "$work/gateway.log" 2>&1 &
gateway=$!
for _ in $(seq 1 60); do
    curl -sf "http://127.0.0.1:$port/health" > /dev/null && break
    kill -0 "$gateway" 2>/dev/null || { cat "$work/gateway.log"; exit 1; }
    sleep 1
done

simulator_key_args
simulator_fake_args "$openapi_port" "$seller_app_port" "$auth_center_port"
dotnet tools/Simulator/bin/Release/net10.0/Provisioning.Simulator.dll run --gateway "http://127.0.0.1:$port" \
    "${simulator_keys[@]}" "${simulator_fakes[@]}" "$@"
