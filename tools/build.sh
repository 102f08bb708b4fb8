#!/usr/bin/env bash
# Builds the static site into pkg/ (release profile, wasm-opt -Oz), then post-processes it
# (tools/postbuild.mjs). Two builds of the one app: the reader (index.html, and the one-file
# argument-atlas.html) and, with the `editor` feature, the editor's page (editor.html), so
# readers do not download the editor. Assumes tools/setup.sh has run.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
trunk build --release --offline --filehash false
trunk build --release --offline --filehash false --features editor --dist target/pkg-editor
node tools/postbuild.mjs pkg target/pkg-editor
