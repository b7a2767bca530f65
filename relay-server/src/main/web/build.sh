#!/bin/sh
# Builds the browser page into $1 with the machine's node and npm (run by Maven in
# generate-resources). Never downloads Node: without node >= 18 and npm it stops with a message.
set -eu
out="${1:?usage: build.sh OUTPUT_DIRECTORY}"
cd "$(dirname "$0")"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "ERROR: building the relay's browser page needs Node.js >= 18 and npm on PATH" >&2
  echo "       (Debian: apt-get install -y nodejs npm). The build never downloads Node." >&2
  exit 1
fi
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 18 ]; then
  echo "ERROR: the browser page needs Node.js >= 18; found $(node --version)" >&2
  exit 1
fi

# npm ci only when node_modules does not match package-lock.json (npm writes its own copy of the
# lock into node_modules/.package-lock.json on install).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
exec node build.mjs "$out"
