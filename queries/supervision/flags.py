"""Conventions read from a holding's free-form `extra` columns: acting and concurrent posts.

The roster format has no column for either, so both ride on extra columns the way a roster
would write them:

- a column named after the flag with a yes value: `{"代理": "是"}`, `{"acting": "true"}`,
  `{"主持工作": "1"}`, `{"兼任": "是"}`, `{"concurrent": "yes"}`;
- or any column whose value mentions it: `{"任职方式": "代理"}`, `{"备注": "主持工作"}`,
  `{"备注": "兼任县委常委"}`.

A no value under a flag column (`{"代理": "否"}`, `{"acting": "false"}`) does not flag.
Acting (代理/主持工作) holders are listed in chains but a substantive holder is preferred;
concurrent (兼任) holdings may overlap other spells without a RECORD-MISMATCH finding.
"""

from __future__ import annotations

from graph.model import Holding

ACTING = ("代理", "acting", "主持工作")
CONCURRENT = ("兼任", "兼职", "concurrent")
NO = frozenset({"否", "false", "0", "no", "n", ""})


def flagged(extra: dict[str, str], markers: tuple[str, ...]) -> bool:
    """Whether the extra columns carry one of the markers (see the module docstring)."""
    for key, value in extra.items():
        name, text = key.strip().casefold(), value.strip().casefold()
        if name in markers:
            if text not in NO:
                return True
        elif any(m in text for m in markers):
            return True
    return False


def is_acting(holding: Holding) -> bool:
    return flagged(holding.extra, ACTING)


def is_concurrent(holding: Holding) -> bool:
    return flagged(holding.extra, CONCURRENT)
