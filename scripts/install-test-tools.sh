#!/usr/bin/env bash
# Installs what the test suite needs and the portal does not: Azurite, oidc-provider and axe-core
# from npm (package.json / package-lock.json at the repository root), Chromium's headless shell and
# CJK fonts from Debian. Idempotent and quick when everything is already there. The browser tests run
# chromium-headless-shell (the engine without the browser around it; the full `chromium --headless`
# took twice the CPU for the same tests) and fall back to /usr/bin/chromium without it.
#   scripts/install-test-tools.sh            both
#   scripts/install-test-tools.sh --debian   only Chromium and the fonts (apt-get may ask for a sudo password)
#   scripts/install-test-tools.sh --npm      only the npm packages (test.sh runs this beside the build)
set -euo pipefail
cd "$(dirname "$0")/.."

installed() { [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]; }

debian_packages() {
  local need_apt=() sudo_cmd=()
  [ -x /usr/lib/chromium/chromium-headless-shell ] || need_apt+=(chromium-headless-shell)
  installed fonts-noto-cjk || need_apt+=(fonts-noto-cjk)
  [ ${#need_apt[@]} -gt 0 ] || return 0
  echo "install-test-tools: installing ${need_apt[*]} from Debian"
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "install-test-tools: need root (or sudo) to apt-get install ${need_apt[*]}" >&2; exit 1; }
    sudo_cmd=(sudo)
  fi
  "${sudo_cmd[@]}" apt-get -o DPkg::Lock::Timeout=300 update -qq
  # A Debian without the shell package (before Chromium's headless split): the full browser runs the tests instead.
  if [[ " ${need_apt[*]} " == *" chromium-headless-shell "* ]] && ! apt-cache show chromium-headless-shell >/dev/null 2>&1; then
    echo "install-test-tools: no chromium-headless-shell package here; the browser tests will run /usr/bin/chromium"
    need_apt=("${need_apt[@]/chromium-headless-shell/}")
    command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
    read -r -a need_apt <<< "${need_apt[*]}"
    [ ${#need_apt[@]} -gt 0 ] || return 0
  fi
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
}

npm_packages() {
  command -v npm >/dev/null 2>&1 || { echo "install-test-tools: npm (Node.js) is required for Azurite and oidc-provider" >&2; exit 1; }
  if [ ! -x node_modules/.bin/azurite-blob ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "install-test-tools: npm ci (azurite, oidc-provider, axe-core)"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

case "${1:-}" in
  "") debian_packages; npm_packages ;;
  --debian) debian_packages ;;
  --npm) npm_packages ;;
  *) echo "install-test-tools: unknown option $1 (use --debian, --npm, or nothing for both)" >&2; exit 2 ;;
esac
shell=/usr/lib/chromium/chromium-headless-shell
echo "install-test-tools: ready${1:+ ($1)} (chromium: $([ -x "$shell" ] && echo "$shell" || command -v chromium || echo missing), azurite: node_modules/.bin/azurite-blob)"
