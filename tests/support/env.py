"""Where the tests run: `IN_CI` is true under CI=true (also 1 or yes), where nothing may skip."""

from __future__ import annotations

import os

IN_CI = os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")
