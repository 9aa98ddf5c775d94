#!/usr/bin/env bash
# Runs every test: installs the test tools (scripts/install-test-tools.sh), then the whole
# solution's tests. Storage tests start Azurite, end-to-end tests drive Debian's Chromium.
# Extra arguments go to `dotnet test` (e.g. ./test.sh --filter "FullyQualifiedName~Search").
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-test-tools.sh
mkdir -p artifacts
started=$(date +%s)
status=0
dotnet test KnowledgeHub.sln --configuration Release "$@" 2>&1 | tee artifacts/test.log || status=$?
# One closing line for the whole run, summed over the test projects' own summaries.
awk -v secs=$(( $(date +%s) - started )) '
  /(Passed|Failed)!  *- *Failed:/ {
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") f += $(i+1) + 0; if ($i == "Passed:") p += $(i+1) + 0; if ($i == "Skipped:") s += $(i+1) + 0
    }
    n++
  }
  END { printf "\nTest projects: %d, time: %ds\nTests: %d passed, %d failed, %d skipped\n", n, secs, p, f, s; if (s > 0) exit 3 }
' artifacts/test.log || { [ "$status" -ne 0 ] || status=3; }
exit "$status"
