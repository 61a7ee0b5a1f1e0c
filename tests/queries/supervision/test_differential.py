"""Differential test on a generated graph: chains, spans, trails, the recommendation network
and every finding (avoidance, supervision, records) are identical on both stores."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest

from api.cache import CachedStore
from graph import ops
from graph.model import Bundle
from graph.store.base import GraphStore
from ingest.generate import generate
from ingest.roster.load import read_bundle
from queries.checks import Proposal, audit, what_if
from queries.rules import national
from queries.snapshot import Snapshot
from queries.supervision.chain import Chains, chain_report
from queries.supervision.reverse import recommendation_network, recommended
from queries.supervision.span import span
from queries.supervision.trail import trail

AS_OF = date(2026, 1, 1)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Bundle:
    out: Path = tmp_path_factory.mktemp("generated")
    generate(out, cadres=2000, seed=11, plant_rate=0.2, as_of=AS_OF)
    bundle, report = read_bundle(out)
    assert not report.rejects
    return bundle


def test_stores_agree_on_a_generated_county(both_stores: dict[str, GraphStore],
                                            generated: Bundle) -> None:
    for store in both_stores.values():
        ops.write_bundle(store, generated)
    embedded, neo = both_stores["embedded"], both_stores["neo4j"]
    snap = Snapshot.load(embedded, AS_OF)
    assert snap.posts_of == Snapshot.load(neo, AS_OF).posts_of
    rng = random.Random(5)
    shared, fresh = Chains(snap), Chains(snap)  # chains built from the leaders' = walked
    for post in rng.sample(sorted(snap.posts), 300):
        assert shared.walk(post) == fresh.walk_through(post), post
    people = rng.sample(sorted(snap.posts_of), 25)
    for person in people:
        assert chain_report(embedded, person, AS_OF) == chain_report(neo, person, AS_OF), person
        assert trail(embedded, person) == trail(neo, person), person
    tops = sorted({c.top.person_id for p in people for c in chain_report(embedded, p, AS_OF).chains
                   if c.top and c.top.person_id})
    assert tops, "generated chains reach a top leader"
    for leader in tops[:3]:
        mine = span(embedded, leader, AS_OF)
        assert mine.total > 0 and mine == span(neo, leader, AS_OF)
        assert recommended(embedded, national(), leader, AS_OF) == recommended(
            neo, national(), leader, AS_OF)
        assert recommendation_network(embedded, leader, AS_OF) == recommendation_network(
            neo, leader, AS_OF)
    cached = CachedStore(embedded)  # what-if over a kept snapshot, as the API runs it
    posts = sorted(snap.posts)
    for person in people[:12]:
        proposal = [Proposal(person, rng.choice(posts))]
        checked = what_if(embedded, national(), proposal, AS_OF)
        assert checked == what_if(neo, national(), proposal, AS_OF), proposal
        assert checked == what_if(cached, national(), proposal, AS_OF), proposal
    found = audit(embedded, national(), AS_OF)
    assert {f.rule for f in found.findings} >= {"KIN-SAME-LEADER", "SUPERVISION-KIN"}
    assert found == audit(neo, national(), AS_OF)
