"""Under CI=true nothing is skipped: a skip (a Neo4j that did not start, a missing browser, a
missing Java) fails the run instead. Registered by tests/conftest.py as a pytest plugin.

Fixtures and modules that would skip elsewhere still call `pytest.skip` with their reason;
this plugin turns every skipped test, fixture or module into a failure carrying that reason,
so a new skip added anywhere later cannot slip through CI either.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

import pytest

from tests.support.env import IN_CI


def _fail_skip(report: pytest.TestReport | pytest.CollectReport) -> None:
    if not report.skipped or hasattr(report, "wasxfail"):
        return
    longrepr: Any = report.longrepr
    reason = longrepr[2] if isinstance(longrepr, tuple) and len(longrepr) == 3 else longrepr
    report.outcome = "failed"
    report.longrepr = f"skipped under CI=true, which is not allowed: {reason}"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item,
                              call: pytest.CallInfo[None]) -> Generator[None, Any, None]:
    outcome = yield
    if IN_CI:
        _fail_skip(outcome.get_result())


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector: pytest.Collector) -> Generator[None, Any, None]:
    outcome = yield
    if IN_CI:
        _fail_skip(outcome.get_result())
