#!/usr/bin/env bash
# README command 1: install what is missing, build, and serve the app on http://127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
bash tools/build.sh
exec node tests/support/server.mjs --root pkg --port "${PORT:-8080}"
