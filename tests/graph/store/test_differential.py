"""Differential test: random small bundles into both stores; every answer must be identical."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph import ops
from graph.model import Act, Bundle, Holding, Kinship, Person, Post, Unit
from graph.records import EDGE_TYPES
from graph.store.base import GraphStore
from graph.vocab import ActRole, Gender, PostFunction, PostRole, UnitKind
from queries.checks import audit
from queries.rules import national

DAY0 = date(2000, 1, 1)
days = st.integers(0, 9000).map(lambda n: DAY0 + timedelta(days=n))
names = st.text("王李张刘陈杨赵黄周吴", min_size=2, max_size=3)


@st.composite
def bundles(draw: st.DrawFn) -> Bundle:
    n_units = draw(st.integers(1, 5))
    units = [Unit(id=f"U{i}", name=f"单位{i}", kind=draw(st.sampled_from(list(UnitKind))),
                  region_code=draw(st.none() | st.sampled_from(["330102", "330102101"])),
                  parent_id=f"U{draw(st.integers(0, i - 1))}" if i and draw(st.booleans())
                  else None) for i in range(n_units)]
    posts = [Post(id=f"P{i}", unit_id=f"U{draw(st.integers(0, n_units - 1))}", title=f"职务{i}",
                  role=draw(st.sampled_from(list(PostRole))),
                  function=draw(st.sampled_from(list(PostFunction))),
                  reports_to=draw(st.none() | st.sampled_from([f"P{j}" for j in range(i)]))
                  if i else None,
                  oversees=tuple(draw(st.sets(st.sampled_from([u.id for u in units]),
                                              max_size=2))))
             for i in range(draw(st.integers(1, 8)))]
    persons = [Person(id=f"X{i}", name=draw(names), gender=draw(st.none() | st.sampled_from(
        list(Gender))), grew_up_in=draw(st.none() | st.sampled_from(["330102", "330102101"])))
        for i in range(draw(st.integers(1, 10)))]
    pid, post_id = st.sampled_from([p.id for p in persons]), st.sampled_from([p.id for p in posts])
    holdings = {}
    for _ in range(draw(st.integers(0, 12))):
        start = draw(days)
        length = draw(st.none() | st.integers(1, 4000))
        end = None if length is None else start + timedelta(days=length)
        h = Holding(person_id=draw(pid), post_id=draw(post_id), start=start, end=end)
        holdings[h.id] = h
    kinship = {}
    for _ in range(draw(st.integers(0, 8))):
        a, b = draw(pid), draw(pid)
        if a != b:
            k = Kinship(person_id=a, relative_id=b, relation=draw(st.sampled_from(
                ["妻子", "丈夫", "父亲", "哥哥", "岳父", "w,f", "连襟", "儿子"])),
                since=draw(st.none() | days))
            kinship[k.id] = k
    acts = {}
    for _ in range(draw(st.integers(0, 6))):
        act = Act(actor_id=draw(pid), candidate_id=draw(pid), role=draw(st.sampled_from(
            list(ActRole))), post_id=draw(st.none() | post_id), on=draw(st.none() | days))
        acts[act.id] = act
    return Bundle(units=units, posts=posts, persons=persons, holdings=list(holdings.values()),
                  kinship=list(kinship.values()), roles=list(acts.values()))


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(bundle=bundles(), data=st.data())
def test_stores_agree(both_stores: dict[str, GraphStore], bundle: Bundle,
                      data: st.DataObject) -> None:
    for store in both_stores.values():
        store.clear()
        ops.write_bundle(store, bundle, batch_size=7)
    embedded, neo = both_stores["embedded"], both_stores["neo4j"]
    assert ops.export_bundle(embedded) == ops.export_bundle(neo)
    as_of = data.draw(st.none() | days)
    assert ops.stats(embedded, as_of) == ops.stats(neo, as_of)
    for _ in range(3):
        start = data.draw(st.sampled_from(
            [f"person/{p.id}" for p in bundle.persons] + [f"unit/{u.id}" for u in bundle.units]))
        depth = data.draw(st.integers(0, 3))
        types = data.draw(st.none() | st.lists(st.sampled_from(EDGE_TYPES), min_size=1,
                                               max_size=4, unique=True))
        day = data.draw(st.none() | days)
        cap = data.draw(st.integers(1, 6))
        got = [ops.neighbourhood(s, start, depth=depth, types=types, as_of=day, cap=cap)
               for s in (embedded, neo)]
        assert got[0] == got[1], (start, depth, types, day, cap)
    seeds = [f"person/{p.id}" for p in bundle.persons[:3]]
    hops = data.draw(st.integers(1, 4))
    check_day = as_of or date(2020, 1, 1)
    assert audit(embedded, national(), check_day) == audit(neo, national(), check_day)
    day_text = None if as_of is None else as_of.isoformat()
    with_nodes = data.draw(st.booleans())
    around = data.draw(st.none() | st.lists(st.sampled_from(sorted(EDGE_TYPES)), max_size=3))
    assert embedded.kin_paths(seeds, day_text, max_hops=hops, with_nodes=with_nodes,
                              around=around) == (
        neo.kin_paths(seeds, day_text, max_hops=hops, with_nodes=with_nodes, around=around))
