#!/usr/bin/env bash
# Runs every test: installs the test tools (scripts/install-test-tools.sh; npm's while the solution builds), then runs the
# whole solution's tests. Storage tests start Azurite, end-to-end tests drive Debian's Chromium.
# Extra arguments go to `dotnet test` (e.g. ./test.sh --filter "FullyQualifiedName~Search").
#
# Why build first and test with --no-build: `dotnet test` on the solution builds each test project on the same two
# MSBuild nodes that run the tests, so a node busy running one project's tests held back the build of the next one,
# and the three long projects (Portal, EndToEnd, Cluster) ran one after another behind it. Built first, the test
# projects run two at a time from the start (a clean clone on 2 cores: 582 s before; 527–539 s with the compiler server below).
# They start in the solution's order: the two long ones (EndToEnd ~4 min, Portal ~5–6 min, side by side) first, then Cluster, then the
# short ones, so the run does not end on Cluster alone behind them (test phase 452 s against ~490 s in sln-file order).
set -euo pipefail
cd "$(dirname "$0")"
# Tiered PGO off for the build too (MSBuild, the compiler server, `dotnet test` itself; the test hosts and the portals
# they start already run without it, by tests/test.runsettings): it instruments hot methods before optimizing them,
# which pays off in a long-running server, not in a build of a few minutes. On 2 cores a clean build of the solution
# took 45 s instead of 67 (two clean clones each way, in both orders); the whole run 507 s instead of 595. The portal
# itself (`dotnet run`, the benchmarks) keeps the runtime's default.
export DOTNET_TieredPGO=0
mkdir -p artifacts
started=$(date +%s)

# Chromium and the fonts first, in the foreground (apt-get may ask for a sudo password; quick once installed). npm ci
# waits on the network and the disk, the build on the CPU: side by side they cost the longer of the two.
scripts/install-test-tools.sh --debian
scripts/install-test-tools.sh --npm > artifacts/install-test-tools.log 2>&1 &
tools=$!
build_status=0
# One warm compiler for all fifteen projects (the compiler server): 56 s instead of 101 s for this solution on 2 cores.
# Some environments turn it off (UseSharedCompilation=false in the environment): the build asks for it, and stops it
# once done, so no compiler process outlives the build.
dotnet build KnowledgeHub.sln --configuration Release -p:UseSharedCompilation=true 2>&1 | tee artifacts/build.log || build_status=$?
dotnet build-server shutdown --vbcscompiler > /dev/null 2>&1 || true
tools_status=0
wait "$tools" || tools_status=$?
cat artifacts/install-test-tools.log
if [ "$tools_status" -ne 0 ]; then
  echo "test.sh: installing the test tools failed (see above); no test was run" >&2
  exit "$tools_status"
fi
if [ "$build_status" -ne 0 ]; then
  echo "test.sh: the build failed (see above); no test was run" >&2
  exit "$build_status"
fi

status=0
dotnet test KnowledgeHub.sln --configuration Release --no-build "$@" 2>&1 | tee artifacts/test.log || status=$?
# One closing line for the whole run, summed over the test projects' own summaries.
awk -v secs=$(( $(date +%s) - started )) '
  /(Passed|Failed)!  *- *Failed:/ {
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") f += $(i+1) + 0; if ($i == "Passed:") p += $(i+1) + 0; if ($i == "Skipped:") s += $(i+1) + 0
    }
    n++
  }
  END { printf "\nTest projects: %d, time: %ds\nTests: %d passed, %d failed, %d skipped\n", n, secs, p, f, s; if (s > 0 || n == 0) exit 3 }
' artifacts/test.log || { [ "$status" -ne 0 ] || status=3; }
exit "$status"
