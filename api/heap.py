"""Garbage-collector settings for the long-lived API process.

Requests allocate many short-lived objects while the app keeps a large long-lived heap (the
day's snapshot, cached node records). Every full collection walks whatever of that heap is
not frozen: at 100k cadres a snapshot is millions of objects, and one full collection
paused every request in the process for about a second (the what-if p99 was over 1 s).
"""

from __future__ import annotations

import gc
import threading

_settling = threading.Lock()


def tune() -> None:
    """At start-up: freeze what start-up built, and keep every collection small.

    - Young collections every 1,000 allocations: a request leaves a few hundred objects in
      reference cycles (the driver's hydration scopes, what-if snapshots); collecting 50,000
      young objects at once paused a worker for 50 ms (what-if p99 164 ms; 46 ms with 1,000).
    - After any full collection, what survived is frozen (`_freeze_survivors`): caches fill
      up while the API serves (node records, person records, chains), and the next full
      collection would walk them all again (it paused workers for 500 ms).
    - The big structures are frozen as they are built (`settle`), which also releases what
      frozen objects no longer use."""
    gc.freeze()
    gc.set_threshold(1_000, 10, 10)
    if _freeze_survivors not in gc.callbacks:
        gc.callbacks.append(_freeze_survivors)


def _freeze_survivors(phase: str, info: dict[str, int]) -> None:
    if phase == "stop" and info["generation"] == 2:
        gc.freeze()


def settle() -> None:
    """After a large long-lived structure was built (a snapshot) or dropped (the cache
    expired): release what frozen objects no longer use (unfreeze, one full collection),
    then freeze what is left so later collections never walk it. At most once per snapshot
    build or cache lifetime (minutes), so the full collection is paid there, not in every
    request's tail."""
    with _settling:
        gc.unfreeze()
        gc.collect()
        gc.freeze()
