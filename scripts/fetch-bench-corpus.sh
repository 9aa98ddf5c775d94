#!/usr/bin/env bash
# Fetches the search benchmark's corpus: the LibreOffice help in Simplified Chinese and in English, as
# Debian ships it (libreoffice-help-zh-cn, libreoffice-help-en-us). Each package holds ~2,560 static
# HTML help pages (one <title>, an <h1>, the text inside <div id="DisplayArea">) under
# usr/share/libreoffice/help/{zh-CN,en-US}/text/. The .deb files are fetched with `apt-get download`
# and unpacked with `dpkg-deb -x` (nothing is installed) into .corpus/ at the repository root
# (gitignored). Idempotent: does nothing when the pages are already there.
# Usage: scripts/fetch-bench-corpus.sh [corpus folder]   (default: .corpus/libreoffice-help)
set -euo pipefail
cd "$(dirname "$0")/.."

target="${1:-.corpus/libreoffice-help}"
packages=(libreoffice-help-zh-cn libreoffice-help-en-us)
help_root="$target/extract/usr/share/libreoffice/help"
marker="$target/extracted.ok"

if [ -f "$marker" ] && [ -d "$help_root/zh-CN/text" ] && [ -d "$help_root/en-US/text" ]; then
  echo "fetch-bench-corpus: already there ($help_root)"
  exit 0
fi

command -v apt-get >/dev/null 2>&1 || { echo "fetch-bench-corpus: needs apt-get and dpkg-deb (a Debian or Ubuntu machine)" >&2; exit 1; }
sudo_cmd=()
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then
  sudo_cmd=(sudo)
fi

# The package lists may be missing on a fresh machine: update them once when apt does not know a package.
for package in "${packages[@]}"; do
  if ! apt-cache show "$package" >/dev/null 2>&1; then
    echo "fetch-bench-corpus: apt does not know $package yet; running apt-get update"
    "${sudo_cmd[@]}" apt-get update -qq
    break
  fi
done

rm -rf "$target/debs" "$target/extract" "$marker"
mkdir -p "$target/debs" "$target/extract"
(
  cd "$target/debs"
  # Sandbox user root: the download folder is not readable by _apt, which would only cost a warning.
  apt-get download -q -o APT::Sandbox::User=root "${packages[@]}"
)
for deb in "$target"/debs/*.deb; do
  dpkg-deb -x "$deb" "$target/extract"
  echo "fetch-bench-corpus: unpacked $(dpkg-deb -f "$deb" Package) $(dpkg-deb -f "$deb" Version)"
done

for language in zh-CN en-US; do
  [ -d "$help_root/$language/text" ] || { echo "fetch-bench-corpus: $help_root/$language/text is missing after unpacking" >&2; exit 1; }
done

# The versions, read by the benchmark into its report so runs on different package versions are told apart.
for deb in "$target"/debs/*.deb; do
  echo "$(dpkg-deb -f "$deb" Package) $(dpkg-deb -f "$deb" Version)"
done > "$target/versions.txt"
touch "$marker"
echo "fetch-bench-corpus: $(find "$help_root" -name '*.html' -path '*/text/*' | wc -l) help pages under $help_root"
