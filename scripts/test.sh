#!/usr/bin/env bash
# The project's test command: runs every test against a throwaway PostgreSQL (started and always removed by
# with-postgres.sh) and closes with one "N passed, N failed" line. Arguments go to `dotnet test`, e.g.
# ./scripts/test.sh --filter "FullyQualifiedName~Database".
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
test_output="$(mktemp /tmp/provisioning-tests.XXXXXX)"
trap 'rm -f "$test_output"' EXIT

# The console's browser tests drive Debian's Chromium: install it when missing (the package lists only if the first try fails).
if [[ ! -x /usr/bin/chromium ]]; then
    echo "Installing Chromium for the console's browser tests"
    apt-get install -y -qq chromium >/dev/null 2>&1 \
        || { apt-get update -qq >/dev/null && apt-get install -y -qq chromium >/dev/null; } \
        || { echo "Could not install Chromium (apt-get install chromium): the console's browser tests need /usr/bin/chromium" >&2; exit 1; }
    [[ -x /usr/bin/chromium ]] || { echo "apt-get installed chromium but /usr/bin/chromium is missing" >&2; exit 1; }
fi

cd "$repo_root"
tests_status=0
./scripts/with-postgres.sh bash -c 'dotnet test Provisioning.sln -c Release "${@:2}" 2>&1 | tee "$1"; exit "${PIPESTATUS[0]}"' _ "$test_output" "$@" \
    || tests_status=$?

# One closing line for the whole run, summed over the test assemblies' "Passed!/Failed!" lines.
awk -F'[:,]' '/(Passed|Failed)! +- +Failed:/ { failed += $2; passed += $4; skipped += $6 }
    END { printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped }' "$test_output"
exit "$tests_status"
