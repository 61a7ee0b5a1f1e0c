"""The API's GC settings: what a settled heap no longer uses is released, the rest frozen."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from api import heap


class _Cycle:
    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def restored_gc() -> Iterator[None]:
    threshold = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)
    if heap._freeze_survivors in gc.callbacks:
        gc.callbacks.remove(heap._freeze_survivors)


@pytest.mark.usefixtures("restored_gc")
def test_settle_releases_frozen_garbage_and_freezes_the_rest() -> None:
    old, kept = _Cycle(), _Cycle()
    gone = weakref.ref(old)
    heap.tune()
    assert gc.get_threshold() == (1_000, 10, 10)
    assert gc.get_freeze_count() > 0
    del old  # a frozen cycle is never collected while frozen ...
    gc.collect()
    assert gone() is not None
    heap.settle()  # ... settling releases it
    assert gone() is None
    assert gc.get_freeze_count() > 0 and kept.me is kept


@pytest.mark.usefixtures("restored_gc")
def test_a_full_collection_freezes_what_survived() -> None:
    heap.tune()
    kept = [_Cycle() for _ in range(100)]
    before = gc.get_freeze_count()
    gc.collect()
    assert gc.get_freeze_count() >= before + len(kept)
