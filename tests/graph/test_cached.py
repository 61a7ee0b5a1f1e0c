"""`content_id`: a record's id is its content id, computed once and kept on the record."""

from __future__ import annotations

import threading
from datetime import date

import pytest

from graph.cached import content_id
from graph.ids import record_id
from graph.model import Act, Holding
from graph.vocab import ActRole


def test_the_id_is_the_content_id_kept_on_the_record() -> None:
    first = Holding(person_id="A1", post_id="P1", start=date(2020, 1, 1))
    second = Holding(person_id="A1", post_id="P1", start=date(2020, 1, 1))
    assert first.id == record_id("h", "A1", "P1", date(2020, 1, 1))
    assert first.id == record_id("h", "A1", "P1", "2020-01-01")  # dates as ISO text
    assert vars(first)["id"] == first.id  # kept: later reads do not recompute
    assert first == second  # one has its id kept, the other not yet
    assert "id" not in first.model_dump()
    moved = first.model_copy(update={"start": date(2021, 1, 1)})
    assert moved.id == record_id("h", "A1", "P1", date(2021, 1, 1)) != first.id
    assert first.model_copy().id == first.id
    assert isinstance(Holding.id, content_id) and Holding.id.fields == (
        "person_id", "post_id", "start")


def test_bulk_ids_equal_one_by_one_and_are_kept() -> None:
    acts = [Act(actor_id="A1", candidate_id=f"C{i}", role=ActRole.vote,
                post_id=None if i % 2 else "P1", on=None if i % 3 else date(2020, 1, i + 1))
            for i in range(6)]
    fresh = [a.model_copy() for a in acts]
    assert Act.id.of(acts) == [a.id for a in fresh]
    assert all(vars(a)["id"] == b.id for a, b in zip(acts, fresh, strict=True))
    assert acts[1].id == record_id("a", "A1", "C1", "vote", None, None)
    held = [Holding(person_id=f"A{i}", post_id="P1", start=date(2020, 1, i + 1))
            for i in range(3)]  # every field required: the written-out path
    assert Holding.id.of(held) == [record_id("h", f"A{i}", "P1", date(2020, 1, i + 1))
                                   for i in range(3)]
    assert Holding.id.of([]) == []
    assert record_id("a", "A1", "C1", "vote", None, None).startswith("a-")


def test_threads_racing_get_the_same_id() -> None:
    holding = Holding(person_id="A2", post_id="P2", start=date(2021, 5, 1))
    seen: list[str] = []
    threads = [threading.Thread(target=lambda: seen.append(holding.id)) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert set(seen) == {record_id("h", "A2", "P2", date(2021, 5, 1))}


def test_an_id_needs_two_fields() -> None:
    with pytest.raises(ValueError, match="two fields"):
        content_id("x", "only")
