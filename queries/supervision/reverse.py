"""The reverse trail: whom a person recommended or inspected, where they are now and what
is found about them; and the recommendation network around a leader's span.

"Current findings" are the avoidance findings (`queries.avoidance.check.findings_in`, what
`audit(..., person_id)` runs, here once for all the people at hand) and the supervision
findings of each person on the date.
"""

from __future__ import annotations

from collections import deque
from datetime import date

from pydantic import BaseModel, Field

from graph import records as r
from graph.convert import node_to_model
from graph.ids import node_key
from graph.model import Assessment
from graph.network import NetEdge, NetNode, Network
from graph.store.base import GraphStore
from queries.avoidance.check import findings_in
from queries.findings import Finding
from queries.rules import RuleSet
from queries.snapshot import Snapshot
from queries.supervision.chain import resolve_subject
from queries.supervision.checks import supervision_findings
from queries.supervision.reads import acts_of, edges_around, names, post_label
from queries.supervision.span import span
from queries.supervision.trail import TrailAct

LATEST_ASSESSMENTS = 3


class PostNow(BaseModel):
    post_id: str
    label: str
    start: date


class Recommended(BaseModel):
    person_id: str
    name: str
    acts: list[TrailAct]
    now: list[PostNow] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    assessments: list[Assessment] = Field(default_factory=list)
    """The latest annual assessments known on the date (a year counts from 31 December),
    newest first."""


class RecommendedReport(BaseModel):
    person_id: str
    name: str
    as_of: date
    people: list[Recommended]


def _assessments(store: GraphStore, person_ids: list[str],
                 day: date) -> dict[str, list[Assessment]]:
    edges = edges_around(store, (node_key("Person", p) for p in person_ids), [r.ASSESSED])
    found = [m for n in store.nodes(sorted({e.target for e in edges})).values()
             if isinstance(m := node_to_model(n), Assessment) and m.active_on(day)]
    out: dict[str, list[Assessment]] = {p: [] for p in person_ids}
    for a in sorted(found, key=lambda a: -a.year):
        if a.person_id in out and len(out[a.person_id]) < LATEST_ASSESSMENTS:
            out[a.person_id].append(a)
    return out


def recommended(store: GraphStore, rules: RuleSet, person_id: str,
                as_of: date | None = None) -> RecommendedReport:
    """Everyone `person_id` recommended or inspected (acts up to `as_of`, default today)."""
    resolve_subject(store, person_id, "person")
    day = as_of or date.today()
    acts = acts_of(store, [person_id], ["RECOMMENDS", "INSPECTS"], as_actor=True, as_of=day)
    cands = sorted({a.candidate_id for a in acts})
    people = names(store, {person_id, *cands})
    snap = Snapshot.load(store, day)
    found = [*findings_in(store, rules, snap, set(cands)),
             *supervision_findings(store, rules, day, cands)] if cands else []
    assessed = _assessments(store, cands, day)
    out = []
    for cand in cands:
        now = [PostNow(post_id=p, label=post_label(snap.posts, snap.units, p),
                       start=snap.holding_of[(cand, p)].start)
               for p in snap.posts_of.get(cand, [])]
        mine = [TrailAct(act_id=a.id, role=a.role.value, actor_id=a.actor_id,
                         actor_name=people[a.actor_id], candidate_id=cand, on=a.on,
                         post_id=a.post_id) for a in acts if a.candidate_id == cand]
        out.append(Recommended(person_id=cand, name=people[cand], acts=mine, now=now,
                               findings=[f for f in found if cand in f.persons],
                               assessments=assessed[cand]))
    return RecommendedReport(person_id=person_id, name=people[person_id], as_of=day, people=out)


def recommendation_network(store: GraphStore, person_id: str,
                           as_of: date | None = None) -> Network:
    """Who recommended whom among the cadres in `person_id`'s span (and their recommenders):
    nodes carry `level` (supervision level below the leader, 0 for the leader, None outside
    the span) and `steps` (recommendation steps from the leader, None when unreachable)."""
    report = span(store, person_id, as_of)
    levels = {person_id: 0}
    for m in report.members:
        levels[m.person_id] = min(levels.get(m.person_id, m.level), m.level)
    keys = [node_key("Person", p) for p in levels]
    edges = edges_around(store, keys, ["RECOMMENDS"], report.as_of)
    steps = _steps(node_key("Person", person_id), edges)
    people = names(store, {*levels, *(k.partition("/")[2] for e in edges
                                      for k in (e.source, e.target))})
    nodes = [NetNode(id=node_key("Person", p), type="Person", label=n,
                     properties={"level": levels.get(p), "steps":
                                 steps.get(node_key("Person", p))})
             for p, n in sorted(people.items())]
    net_edges = [NetEdge(id=e.id, source=e.source, target=e.target, type=e.type,
                         properties=dict(e.props)) for e in edges]
    return Network(nodes=nodes, edges=net_edges)


def _steps(start: str, edges: list[r.EdgeRecord]) -> dict[str, int]:
    onward: dict[str, list[str]] = {}
    for e in edges:
        onward.setdefault(e.source, []).append(e.target)
    seen, queue = {start: 0}, deque([start])
    while queue:
        node = queue.popleft()
        for nxt in sorted(onward.get(node, [])):
            if nxt not in seen:
                seen[nxt] = seen[node] + 1
                queue.append(nxt)
    return seen
