"""DUTY-VOTE, DUTY-INSPECT, DUTY-RECOMMEND: acting on the appointment of oneself or kin."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

from graph import records as r
from graph.convert import edge_to_model
from graph.model import Act
from graph.store.base import GraphStore
from queries.avoidance.context import Context, kin_evidence
from queries.findings import Evidence, Finding, make
from queries.kin_pairs import KinPair, kin_pairs

RULE_OF_TYPE = {"VOTES_ON": "DUTY-VOTE", "INSPECTS": "DUTY-INSPECT",
                "RECOMMENDS": "DUTY-RECOMMEND"}


def acts(store: GraphStore, as_of: date | None, person_ids: set[str] | None) -> list[Act]:
    out = []
    for etype in RULE_OF_TYPE:
        for edge in store.scan_edges(etype, r.iso(as_of)):
            act = edge_to_model(edge)
            if isinstance(act, Act) and (person_ids is None or act.actor_id in person_ids
                                         or act.candidate_id in person_ids):
                out.append(act)
    return sorted(out, key=lambda a: (a.on or date.min, a.id))


def _kin_at(pair: KinPair, day: date | None) -> bool:
    """Was every declared edge of the kinship path in force on the act's date?"""
    return all(e.active_on(None if day is None else day.isoformat()) for e in pair.path.edges)


def duty_pairs(store: GraphStore, all_acts: Sequence[Act], as_of: date | None) -> list[KinPair]:
    actors = sorted({f"person/{a.actor_id}" for a in all_acts})
    candidates = sorted({f"person/{a.candidate_id}" for a in all_acts})
    return kin_pairs(store, actors, r.iso(as_of), candidates) if actors else []


def duty_findings(ctx: Context, all_acts: Sequence[Act],
                  pairs: Sequence[KinPair]) -> Iterator[Finding]:
    by_pair = {p.pair: p for p in pairs}
    for act in all_acts:
        etype = r.ACT_TYPES[act.role.value]
        rule = ctx.rules.rule(RULE_OF_TYPE[etype])
        if not rule.enabled:
            continue
        actor, candidate = f"person/{act.actor_id}", f"person/{act.candidate_id}"
        act_edge = Evidence(kind="edge", id=act.id, type=etype, source=actor, target=candidate,
                            label=rule.title_zh)
        posts = [act.post_id] if act.post_id else []
        when = act.on.isoformat() if act.on else "日期不详"
        if act.actor_id == act.candidate_id:
            if rule.id == "DUTY-VOTE":
                yield make(rule, [act.actor_id], posts=posts, relation="本人",
                           evidence=[ctx.person_node(act.actor_id), act_edge],
                           mover=act.actor_id, detail=f"{when}参与表决本人任免")
            continue
        pair = by_pair.get((min(actor, candidate), max(actor, candidate)))
        if pair is None or pair.category.value not in rule.param("categories"):
            continue
        if not _kin_at(pair, act.on):
            continue
        yield make(rule, [act.actor_id, act.candidate_id], posts=posts,
                   category=pair.category.value, relation=pair.relation,
                   evidence=[*kin_evidence(ctx, pair), act_edge], mover=act.actor_id,
                   detail=f"{when}{ctx.name(act.actor_id)}对亲属{ctx.name(act.candidate_id)}"
                          f"{rule.title_zh}")
