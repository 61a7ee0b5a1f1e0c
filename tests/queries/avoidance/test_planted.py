"""The generator's planted avoidance conflicts are all found (recall 100%), on both stores.

Planted entries (planted.json) name a rule, the people (sorted ids) and the posts involved;
the audit runs as of the date the generator made its holdings current on.
"""

from __future__ import annotations

import pytest

from graph.store.base import GraphStore
from ingest.generate import QUIET_BY_CONSTRUCTION, RULES
from tests.queries.avoidance.bruteforce import category
from tests.queries.avoidance.generated import (
    AVOIDANCE_PREFIXES,
    AuditCache,
    Generated,
    audits,
    avoidance_keys,
)

BUNDLES = ("county", "city")
EXPECTED_RULES = {
    "county": set(RULES) - {"REGION-CITY"},  # no city above a lone county
    "city": set(RULES) - {"REGION-COUNTY", "REGION-TOWNSHIP"},  # a city's own organs
}
SHOULD = {"REGION-CITY"}
"""rules.md §2: REGION-CITY is "should" (一般不得); every other avoidance rule is "must"."""


def _bundle(request: pytest.FixtureRequest, which: str) -> Generated:
    gen: Generated = request.getfixturevalue(f"{which}_bundle")
    return gen


@pytest.mark.parametrize("which", BUNDLES)
def test_every_planted_conflict_is_found(store: GraphStore, which: str,
                                         request: pytest.FixtureRequest,
                                         audit_cache: AuditCache) -> None:
    gen = _bundle(request, which)
    planted = [p for p in gen.planted if p.rule.startswith(AVOIDANCE_PREFIXES)]
    assert {p.rule for p in planted} == EXPECTED_RULES[which]
    found = {f.key(): f for f in audits(store, gen, audit_cache).generated}
    assert [p for p in planted if p.key() not in found] == []
    declared = {frozenset((k.person_id, k.relative_id)): k.relation for k in gen.bundle.kinship}
    for p in planted:
        f = found[p.key()]
        assert set(p.posts) <= set(f.posts), (p, f.posts)
        assert f.severity == ("should" if p.rule in SHOULD else "must"), p
        if len(p.persons) == 2:  # the category of what the two declared, per rules.md §1
            assert f.category == category(declared[frozenset(p.persons)]), (p, f.category)


@pytest.mark.parametrize("which", BUNDLES)
def test_nothing_but_the_planted_conflicts(store: GraphStore, which: str,
                                           request: pytest.FixtureRequest,
                                           audit_cache: AuditCache) -> None:
    """The generator builds everyday kin, acts and 成长地 so that these rules find nothing
    else (ingest.generate.QUIET_BY_CONSTRUCTION): precision on generated data."""
    gen = _bundle(request, which)
    assert set(RULES) <= set(QUIET_BY_CONSTRUCTION)
    found = avoidance_keys(audits(store, gen, audit_cache).generated)
    assert found == {p.key() for p in gen.planted}
