#!/usr/bin/env bash
# Installs what building (and, with --browser, testing) needs, at pinned versions.
# Idempotent: anything already at the right version is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# Must equal the `wasm-bindgen` crate pinned (with `=`) in Cargo.toml.
WASM_BINDGEN_VERSION=0.2.130

export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
say() { printf '[setup] %s\n' "$*"; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (takes ~12 min on 2 cores)"
  cargo install trunk --locked --version "$TRUNK_VERSION"
fi

# Not --locked: its lock file names a crate version the registry no longer serves.
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (~5 min)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# binaryen (wasm-opt 132), playwright-core and the other node tools, pinned in
# package-lock.json: installed again whenever the lock file changes.
LOCK_HASH="$(sha256sum package-lock.json | cut -d' ' -f1)"
if ! node_modules/.bin/wasm-opt --version 2>/dev/null | grep -q "version 132" || [ "$(cat node_modules/.lock-hash 2>/dev/null)" != "$LOCK_HASH" ]; then
  say "installing node tools (npm ci)"
  npm ci --no-audit --no-fund
  echo "$LOCK_HASH" > node_modules/.lock-hash
fi

if [ "${1:-}" = "--browser" ]; then
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    say "installing Debian's chromium and chromium-driver"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
fi
say "ready"
