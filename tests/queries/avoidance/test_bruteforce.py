"""The engine agrees with an independent brute-force checker (`bruteforce.py`) on generated
bundles, before and after seeded random edits (`mutate.py`): no finding missing, none extra,
rule by rule, on both stores. Kinship is compared within the checker's scope (pairs joined by
one declared edge), which the edits and the generator keep covering every kin pair."""

from __future__ import annotations

from collections import Counter

import pytest

from graph import ops
from graph.model import Kinship
from graph.regions import parent_code
from graph.store.base import GraphStore
from ingest.generate import RULES
from queries.avoidance.check import audit
from queries.rules import national
from tests.factory import small_county
from tests.queries.avoidance import bruteforce
from tests.queries.avoidance.generated import AuditCache, Generated, Key, audits, avoidance_keys
from tests.queries.avoidance.scenario import DAY, county, holding, person

BUNDLES = ("county", "city")


def _bundle(request: pytest.FixtureRequest, which: str) -> Generated:
    gen: Generated = request.getfixturevalue(f"{which}_bundle")
    return gen


def _by_rule(keys: set[Key]) -> dict[str, set[Key]]:
    return {rule: {k for k in keys if k[0] == rule} for rule in RULES}


def test_checker_on_the_hand_made_county() -> None:
    """The checker itself, on the small county whose answers are worked out by hand in
    test_check.py: only A1 (县委书记 who grew up in a township of the county); with A4's
    brother as the other deputy of 财政局, KIN-SAME-LEADER too."""
    assert bruteforce.findings(small_county(), DAY) == {("REGION-COUNTY", ("A1",))}
    brother = county(persons=[person("B1")], holdings=[holding("B1", "P-FIN-DEP")],
                     kinship=[Kinship(person_id="A4", relative_id="B1", relation="弟弟")])
    assert bruteforce.findings(brother, DAY) == {("REGION-COUNTY", ("A1",)),
                                                ("KIN-SAME-LEADER", ("A4", "B1"))}


@pytest.mark.parametrize("which", BUNDLES)
def test_checker_finds_exactly_the_planted(which: str, request: pytest.FixtureRequest) -> None:
    """Without the engine: the checker finds the planted conflicts and, the generator being
    quiet by construction, nothing else; every 称谓 the generator writes is in its table."""
    gen = _bundle(request, which)
    assert bruteforce.multi_edge_only_pairs(gen.bundle, gen.as_of) == set()
    # the checker places regions by code prefix: the generator declares no other parent
    assert all(r.parent_code in (None, parent_code(r.code)) for r in gen.bundle.regions)
    assert bruteforce.findings(gen.bundle, gen.as_of) == {p.key() for p in gen.planted}


@pytest.mark.parametrize("which", BUNDLES)
def test_engine_agrees_on_generated(store: GraphStore, which: str,
                                    request: pytest.FixtureRequest,
                                    audit_cache: AuditCache) -> None:
    gen = _bundle(request, which)
    engine = _by_rule(avoidance_keys(audits(store, gen, audit_cache).generated))
    assert engine == _by_rule(bruteforce.findings(gen.bundle, gen.as_of))


@pytest.mark.parametrize("which", BUNDLES)
def test_engine_agrees_after_random_edits(store: GraphStore, which: str,
                                          request: pytest.FixtureRequest,
                                          audit_cache: AuditCache) -> None:
    gen = _bundle(request, which)
    assert bruteforce.multi_edge_only_pairs(gen.mutated, gen.as_of) == set()
    expected = bruteforce.findings(gen.mutated, gen.as_of)
    new = Counter(k[0] for k in expected - {p.key() for p in gen.planted})
    assert sum(new.values()) >= 50, f"the edits should create many new findings: {new}"
    assert {"KIN-SAME-LEADER", "KIN-DIRECT-LEAD", "KIN-SENSITIVE", "DUTY-VOTE",
            "DUTY-INSPECT", "DUTY-RECOMMEND"} <= set(new), new
    engine = _by_rule(avoidance_keys(audits(store, gen, audit_cache).mutated))
    assert engine == _by_rule(expected)


def test_edits_upserted_equal_the_merged_bundle(store: GraphStore,
                                                county_bundle: Generated) -> None:
    """What `audits` loads (bundle, then edits upserted) is what the checker reads
    (`mutated`): loading the merged bundle at once gives the same findings."""
    ops.write_bundle(store, county_bundle.mutated)
    found = avoidance_keys(audit(store, national(), county_bundle.as_of).findings)
    assert found == bruteforce.findings(county_bundle.mutated, county_bundle.as_of)
