#!/usr/bin/env bash
# Builds the static site into pkg/ (release profile, wasm-opt -Oz), then post-processes it
# (tools/postbuild.mjs). Assumes tools/setup.sh has run.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
trunk build --release --offline --filehash false
node tools/postbuild.mjs
