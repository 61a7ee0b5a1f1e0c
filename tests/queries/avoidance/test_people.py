"""`read_people`: a what-if check reads the people it moves once; the checks find their
kinship paths and acts kept for the date and read neither again."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from graph import ops
from graph.model import Act, Bundle
from graph.store.base import GraphStore
from graph.vocab import ActRole
from queries.checks import Proposal, what_if
from queries.rules import national
from tests.factory import small_county

DAY = date(2025, 6, 1)


def test_a_what_if_reads_the_moved_people_once(store: GraphStore,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    ops.write_bundle(store, small_county())
    ops.write_bundle(store, Bundle(roles=[Act(actor_id="A2", candidate_id="A6",
                                              role=ActRole.vote, on=date(2025, 5, 1))]))
    expected = what_if(store, national(), [Proposal("A6", "P-FIN-DEP")], DAY)
    calls: list[tuple[tuple[str, ...], Any]] = []
    kin_paths, expand = store.kin_paths, store.expand
    inside: list[bool] = []  # the embedded store's kin_paths expands itself: not a read

    def counted_kin_paths(seeds: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append((tuple(seeds), kwargs.get("around")))
        inside.append(True)
        try:
            return kin_paths(seeds, *args, **kwargs)
        finally:
            inside.pop()

    def counted_expand(keys: Any, types: Any, *args: Any, **kwargs: Any) -> Any:
        if not inside:
            calls.append((tuple(keys), types))
        return expand(keys, types, *args, **kwargs)

    monkeypatch.setattr(store, "kin_paths", counted_kin_paths)
    monkeypatch.setattr(store, "expand", counted_expand)
    again = what_if(store, national(), [Proposal("A6", "P-FIN-DEP")], DAY)
    assert again == expected
    assert {f.rule for f in again.findings} >= {"KIN-DIRECT-LEAD"}
    about_a6 = [c for c in calls if c[0] == ("person/A6",)]
    assert len(about_a6) == 1 and about_a6[0][1]  # one read, with the acts around
