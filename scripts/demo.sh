#!/usr/bin/env bash
# Set up on a fresh machine and run the main job on the embedded store (no server needed):
# generate a synthetic county, load it, print the summary.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install --quiet --disable-pip-version-check -e .
bash scripts/build_ui.sh || echo "界面未构建 (npm missing): /ui will explain"
cadregraph demo "$@"
