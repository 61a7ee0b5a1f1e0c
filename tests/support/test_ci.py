"""Under CI=true a skip anywhere (a test, a fixture such as a Neo4j that did not start, a whole
module) fails the run; elsewhere it stays a skip."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INNER = '''
import pytest

@pytest.fixture(scope="session")
def server():
    pytest.skip("Neo4j did not start: no java")

def test_needs_server(server):
    assert server

def test_skips_itself():
    pytest.skip("no browser")

@pytest.mark.xfail(strict=True, reason="a known bug")
def test_known_bug():
    assert False

def test_passes():
    assert True
'''


@pytest.mark.parametrize(("ci", "failed", "errors", "skipped"),
                         [("true", 1, 1, 0), ("", 0, 0, 2)])
def test_skips_fail_only_under_ci(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch,
                                  ci: str, failed: int, errors: int, skipped: int) -> None:
    """The fixture's skip (the Neo4j case) becomes a setup error, the test's own a failure."""
    monkeypatch.setenv("CI", ci)
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    pytester.makepyfile(test_inner=INNER)
    result = pytester.runpytest_subprocess("-p", "tests.support.ci", "-q")
    result.assert_outcomes(passed=1, failed=failed, errors=errors, skipped=skipped,
                           xfailed=1)
    if ci:
        result.stdout.fnmatch_lines(["*skipped under CI=true*Neo4j did not start*"])


def test_a_skipped_module_fails_under_ci(pytester: pytest.Pytester,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    pytester.makepyfile(test_module='import pytest\npytest.skip("needs java and mvn", '
                                   'allow_module_level=True)\n')
    result = pytester.runpytest_subprocess("-p", "tests.support.ci", "-q")
    assert result.ret != 0
    result.stdout.fnmatch_lines(["*skipped under CI=true*needs java and mvn*"])
