"""The extra-column conventions for acting and concurrent holdings, and month arithmetic."""

from __future__ import annotations

from datetime import date

import pytest

from graph.model import Holding
from queries.supervision.flags import is_acting, is_concurrent
from queries.supervision.spells import add_months


def _h(**extra: str) -> Holding:
    return Holding(person_id="A", post_id="P", start=date(2024, 1, 1), extra=extra)


@pytest.mark.parametrize(("extra", "acting"), [
    ({}, False), ({"代理": "是"}, True), ({"acting": "TRUE"}, True), ({"Acting": "1"}, True),
    ({"任职方式": "代理"}, True), ({"备注": "主持工作"}, True), ({"代理": "否"}, False),
    ({"acting": "false"}, False), ({"备注": "挂职"}, False)])
def test_acting(extra: dict[str, str], acting: bool) -> None:
    assert is_acting(_h(**extra)) is acting


def test_concurrent() -> None:
    assert is_concurrent(_h(兼任="是")) and is_concurrent(_h(备注="兼任县委常委"))
    assert not is_concurrent(_h(兼任="否")) and not is_concurrent(_h(代理="是"))


def test_add_months() -> None:
    assert add_months(date(2024, 8, 31), 6) == date(2025, 2, 28)
    assert add_months(date(2024, 1, 15), 12) == date(2025, 1, 15)
    assert add_months(date(2023, 11, 30), 3) == date(2024, 2, 29)
