#!/usr/bin/env bash
# Builds the release app into dist/ (no server). Installs anything missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
trunk build --offline --release
node scripts/build-single.mjs   # dist-single/sco-timeline.html: one file, works from disk
