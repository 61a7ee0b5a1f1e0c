"""Resolution precision and recall on generated data, where the truth is known (issue 3).

A generated county's cadres are the graph; 300 forms declare the cadres' families without ID
numbers, plus decoys (namesakes outside the graph); `load_lrmx` resolves every Item and each
outcome is checked against the truth (procedure: `tests/ingest/resolve/precision.py`).
Target: no false merges, and at least 95% of the true duplicates (Items whose human is in the
graph) merged into the right person. Run with `-s` to see the figures.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from graph.store.base import GraphStore
from tests.ingest.resolve.precision import (
    DECOYS,
    IN_GRAPH,
    Result,
    Scenario,
    build_scenario,
    run_scenario,
)

CADRES, FILES, SEED = 2000, 300, 11
LOOKALIKE = "name_month_other_unit"
_RESULTS: dict[str, Result] = {}


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Scenario:
    return build_scenario(tmp_path_factory.mktemp("precision"), cadres=CADRES, files=FILES,
                          seed=SEED, roles=False)  # procedure acts: not read, slow to write


@pytest.fixture
def result(store: GraphStore, scenario: Scenario, tmp_path: Path,
           record_property: Callable[[str, object], None]) -> Result:
    """The scenario loaded into this kind of store, once per kind (the tests only read it)."""
    if store.backend not in _RESULTS:
        _RESULTS[store.backend] = run_scenario(store, scenario, tmp_path / "data")
        print(f"\n[{store.backend}] {_RESULTS[store.backend].summary()}")
    found = _RESULTS[store.backend]
    for name in ("precision", "recall", "recall_with_review", "false_merges",
                 "true_duplicates", "items"):
        record_property(name, getattr(found, name))
    return found


def test_every_item_is_accounted_for_in_the_graph(result: Result, scenario: Scenario) -> None:
    assert result.balanced
    assert result.unaccounted == 0 and result.kinship_missing == 0
    assert result.items == len(scenario.forms.items) > 2000
    assert result.true_duplicates > 200
    assert {g for g in result.counts if sum(result.counts[g].values())} == {
        IN_GRAPH, "outside", *DECOYS}


def test_recall_of_true_duplicates(result: Result) -> None:
    assert result.recall >= 0.95, result.summary()


def test_no_false_merge_but_of_workplace_lookalikes(result: Result) -> None:
    """True relatives and the decoys without a look-alike workplace never merge wrongly."""
    wrong = {g: c["merged_wrongly"] for g, c in result.counts.items() if g != LOOKALIKE}
    assert not any(wrong.values()), (wrong, result.false_merge_examples)


def test_no_false_merges(result: Result) -> None:
    assert result.false_merges == 0, result.false_merge_examples
