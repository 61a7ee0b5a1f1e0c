#!/usr/bin/env bash
# The whole test suite on a fresh machine: install, build the Neo4j 5.26 test server (Maven),
# lint, type-check, then every test against both stores (embedded and a real Neo4j).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install --quiet --disable-pip-version-check -e '.[dev]'
# Headless Chromium (Debian) and a CJK font for the browser test of the network explorer.
if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  apt-get update -qq && apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null
fi
bash scripts/build_ui.sh
python3 -m tests.support.neo4j_server build
ruff check .
mypy
python3 -m pytest "$@"
