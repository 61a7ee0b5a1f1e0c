"""Helpers for bulk work: batching and pausing the cyclic garbage collector."""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")


def batches(items: Sequence[T], size: int) -> list[Sequence[T]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


@contextmanager
def no_gc() -> Iterator[None]:
    """Bulk reads and writes allocate millions of small objects and no cycles: the cyclic GC
    would scan them again and again (it costs a third of a roster read). Paused, then restored."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
