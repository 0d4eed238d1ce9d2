#!/usr/bin/env bash
# Builds the app with its built-in dataset and serves it on http://127.0.0.1:8080/
# (PORT=… to change), sending the precompressed .br/.gz files post-build writes.
# Installs anything missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
trunk build --offline --release
exec node scripts/static-server.mjs dist
