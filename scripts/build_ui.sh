#!/usr/bin/env bash
# Build the network explorer's front end: install the pinned npm packages (package-lock.json)
# and copy Cytoscape.js into api/ui/static/vendor/ (served at /ui; never fetched from a CDN).
# Idempotent; run at setup (scripts/test.sh, scripts/demo.sh, the Docker image).
set -euo pipefail
cd "$(dirname "$0")/.."
VENDOR=api/ui/static/vendor
if ! command -v npm >/dev/null 2>&1; then
  echo "build_ui: npm not found: install Node.js (Debian: apt-get install -y nodejs npm)" >&2
  exit 1
fi
if [ ! -f node_modules/cytoscape/dist/cytoscape.min.js ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
mkdir -p "$VENDOR"
cp node_modules/cytoscape/dist/cytoscape.min.js "$VENDOR/cytoscape.min.js"
cp node_modules/cytoscape/LICENSE "$VENDOR/cytoscape.LICENSE" 2>/dev/null || true
echo "build_ui: $VENDOR/cytoscape.min.js ($(node -p 'require("./node_modules/cytoscape/package.json").version'))"
