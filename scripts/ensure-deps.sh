#!/usr/bin/env bash
# ensure-deps.sh installs the Debian packages nnviz's tests need, when they
# are missing: Chromium for the browser tests, Xvfb, xauth and Mesa's
# software GL for the render tests, a font, Node.js (when there is no
# `node`) for the wasm tests, and npm with the browser tests' own packages
# (axe-core, from e2e/package-lock.json, into e2e/node_modules). It says what
# it installs. When everything is there it only checks, which takes well
# under a second.
set -euo pipefail

packages=(chromium xvfb xauth libgl1-mesa-dri libgl1 libegl1 fonts-dejavu-core)
if ! command -v node >/dev/null 2>&1; then
  packages+=(nodejs)
fi
if ! command -v npm >/dev/null 2>&1; then
  packages+=(npm)
fi

# npm_deps installs the browser tests' npm packages, exactly as locked, when
# they are missing or older than the lock file.
npm_deps() {
  local dir
  dir="$(cd "$(dirname "$0")/.." && pwd)/e2e"
  if [ -f "$dir/node_modules/axe-core/axe.min.js" ] && [ "$dir/node_modules/.package-lock.json" -nt "$dir/package-lock.json" ]; then
    return 0
  fi
  echo "ensure-deps: installing the browser tests' npm packages (npm ci in e2e/)"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
}

installed() {
  dpkg -s "$1" 2>/dev/null | grep -q '^Status: install ok installed$'
}

missing=()
for p in "${packages[@]}"; do
  installed "$p" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  npm_deps
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

for cmd in chromium xvfb-run node npm; do
  if ! command -v "$cmd" >/dev/null 2>&1; then
    echo "ensure-deps: $cmd is still missing after the install" >&2
    exit 1
  fi
done
echo "ensure-deps: installed ${missing[*]}"
npm_deps
