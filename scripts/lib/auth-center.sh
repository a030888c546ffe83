# Sourced by the scripts that play the login scenarios: the simulator's fake tenant auth center as a process of its own,
# and the gateway's login settings. Needs the Release build of tools/Simulator.

# start_fake_auth_center PORT LOG: runs fake-auth-center on the loopback PORT (its output in LOG), leaves its pid in
# fake_auth_center (the caller ends it) and waits until its control API answers.
start_fake_auth_center() {
    dotnet tools/Simulator/bin/Release/net10.0/Provisioning.Simulator.dll fake-auth-center --port "$1" > "$2" 2>&1 &
    fake_auth_center=$!
    for _ in $(seq 1 60); do
        curl -sf "http://127.0.0.1:$1/simulator/arrivals" > /dev/null && return 0
        kill -0 "$fake_auth_center" 2>/dev/null || { cat "$2" >&2; return 1; }
        sleep 0.5
    done
    echo "the fake auth center on port $1 did not answer within 30 s" >&2
    return 1
}

# login_settings ORIGIN: exports the gateway's login settings: logins may return to ORIGIN, and a call to a tenant's auth
# center gives up after 2 s (the login-faults scenario holds a token answer back).
login_settings() {
    export Login__ApplicationOrigins__0="$1" KooGallery__Login__Timeout=00:00:02
}
