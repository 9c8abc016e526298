#!/usr/bin/env bash
# ensure-deps.sh installs the Debian packages nnviz's tests need, when they
# are missing: Chromium for the browser tests, Xvfb, xauth and Mesa's
# software GL for the render tests, a font, and Node.js (when there is no
# `node`) for the wasm tests. It says what it installs. When everything is
# there it only checks, which takes well under a second.
set -euo pipefail

packages=(chromium xvfb xauth libgl1-mesa-dri libgl1 libegl1 fonts-dejavu-core)
if ! command -v node >/dev/null 2>&1; then
  packages+=(nodejs)
fi

installed() {
  dpkg -s "$1" 2>/dev/null | grep -q '^Status: install ok installed$'
}

missing=()
for p in "${packages[@]}"; do
  installed "$p" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "ensure-deps: all test dependencies are installed"
  exit 0
fi

echo "ensure-deps: installing ${missing[*]}"
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "ensure-deps: installing packages needs root; run as root: apt-get install ${missing[*]}" >&2
    exit 1
  fi
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"

for cmd in chromium xvfb-run node; do
  if ! command -v "$cmd" >/dev/null 2>&1; then
    echo "ensure-deps: $cmd is still missing after the install" >&2
    exit 1
  fi
done
echo "ensure-deps: installed ${missing[*]}"
