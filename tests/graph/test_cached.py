"""`cached_id`: a record's id is computed once, kept on the instance, and is its content id."""

from __future__ import annotations

import threading
from datetime import date

from graph.cached import cached_id
from graph.ids import record_id
from graph.model import Holding


class _Counted:
    calls = 0

    @cached_id
    def id(self) -> str:
        type(self).calls += 1
        return "x-1"


def test_computed_once_and_kept_on_the_instance() -> None:
    one = _Counted()
    assert one.id == "x-1" and one.id == "x-1"
    assert _Counted.calls == 1 and vars(one) == {"id": "x-1"}
    assert isinstance(_Counted.__dict__["id"], cached_id)


def test_model_ids_are_content_ids_and_do_not_change_equality() -> None:
    first = Holding(person_id="A1", post_id="P1", start=date(2020, 1, 1))
    second = Holding(person_id="A1", post_id="P1", start=date(2020, 1, 1))
    assert first.id == record_id("h", "A1", "P1", date(2020, 1, 1))
    assert first.id == record_id("h", "A1", "P1", "2020-01-01")  # dates as ISO text
    assert first == second  # one has its id cached, the other not yet
    assert first.model_dump() == second.model_dump() and "id" not in first.model_dump()


def test_threads_racing_get_the_same_id() -> None:
    holding = Holding(person_id="A2", post_id="P2", start=date(2021, 5, 1))
    seen: list[str] = []
    threads = [threading.Thread(target=lambda: seen.append(holding.id)) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert set(seen) == {record_id("h", "A2", "P2", date(2021, 5, 1))}
