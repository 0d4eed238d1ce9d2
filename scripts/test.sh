#!/usr/bin/env bash
# Runs every test: the core natively, components in headless Chromium
# (wasm-bindgen-test), and the user's journeys end to end with Playwright
# against the built dist/. Installs anything missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"

echo "== format and lints (cargo fmt --check, cargo clippy -D warnings: native workspace and the wasm app)"
cargo fmt --all --check
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy -p sco-timeline --target wasm32-unknown-unknown --all-targets -- -D warnings
cargo clippy -p sco-timeline --target wasm32-unknown-unknown --no-default-features --lib --bins -- -D warnings   # the lean first module (src/upgrade.rs)
cargo clippy -p sco-timeline --features ssr --bin prerender-app -- -D warnings   # the build-time first view

echo "== core (native)"
cargo test -p timeline-core -p timeline-charts -- --skip fuzz_
cargo test -p sco-timeline --lib   # the reducer, natively
echo "== fuzzing the loader and the URL parser (proptest, fixed budget)"
cargo test -p timeline-core --test fuzz -- --nocapture

echo "== components (wasm-bindgen-test, headless Chromium)"
cargo test -p sco-timeline --target wasm32-unknown-unknown --test components

echo "== build dist/, and a fault-injection build for the panic test"
trunk build --offline --release
trunk build --offline --release --features fault-injection --dist target/dist-faults

echo "== end to end (Playwright, headless Chromium)"
npm run --silent e2e
