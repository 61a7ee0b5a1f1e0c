"""DUTY-VOTE, DUTY-INSPECT, DUTY-RECOMMEND: acting on the appointment of oneself or kin."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import date

from graph import records as r
from graph.convert import edge_to_model
from graph.ids import node_key
from graph.model import Act
from graph.records import EdgeRecord
from graph.store.base import GraphStore
from queries.avoidance.context import Context, kin_evidence
from queries.findings import Evidence, Finding, make
from queries.kin_pairs import KinPair, best_pairs, kin_readings
from queries.snapshot import Snapshot
from queries.supervision.reads import edges_around

RULE_OF_TYPE = {"VOTES_ON": "DUTY-VOTE", "INSPECTS": "DUTY-INSPECT",
                "RECOMMENDS": "DUTY-RECOMMEND"}


def acts(store: GraphStore, as_of: date | None, person_ids: set[str] | None) -> list[Act]:
    """Votes, inspections and recommendations in force on `as_of`: all of them, or those
    done by or on the given people (read around them, not scanned)."""
    if person_ids is None:
        edges = [e for etype in RULE_OF_TYPE for e in store.scan_edges(etype, r.iso(as_of))]
    else:
        edges = edges_around(store, (node_key("Person", p) for p in person_ids),
                             list(RULE_OF_TYPE), as_of)
    return acts_in(edges, person_ids)


def acts_key(person_ids: Iterable[str]) -> tuple[str, ...]:
    """Where the acts by or on these people are kept for a date (`Snapshot.remember`)."""
    return ("acts", *sorted(set(person_ids)))


def acts_in(edges: Iterable[EdgeRecord], person_ids: set[str] | None) -> list[Act]:
    """The acts among these edges (by or on the given people), by date then id."""
    out = [a for e in edges if isinstance(a := edge_to_model(e), Act) and (
        person_ids is None or a.actor_id in person_ids or a.candidate_id in person_ids)]
    return sorted(out, key=lambda a: (a.on or date.min, a.id))


def duty_facts(store: GraphStore, snap: Snapshot,
               focus: set[str] | None) -> tuple[list[Act], list[KinPair]]:
    """The acts (of `focus` when given) and the kin pairs among their actors and candidates;
    they do not depend on who holds which post, so a what-if snapshot reuses them."""
    def compute() -> tuple[list[Act], list[KinPair]]:
        if focus is None:
            found = acts(store, snap.as_of, focus)
        else:
            found = snap.remember(acts_key(focus), lambda: acts(store, snap.as_of, focus))
        return found, duty_pairs(store, found)

    if focus is None:
        return compute()
    return snap.remember(("duty", *sorted(focus)), compute)


def _kin_at(pair: KinPair, day: date | None) -> bool:
    """Was every declared edge of the kinship path in force on the act's date?"""
    return all(e.active_on(None if day is None else day.isoformat()) for e in pair.path.edges)


def duty_pairs(store: GraphStore, all_acts: Sequence[Act]) -> list[KinPair]:
    """Every kinship reading between the actors and candidates of the acts, at any time:
    each act is judged by the kinship in force on its own date (a vote before the marriage
    is no conflict; a vote on one's wife stays one after a divorce)."""
    actors = sorted({f"person/{a.actor_id}" for a in all_acts})
    candidates = sorted({f"person/{a.candidate_id}" for a in all_acts})
    return kin_readings(store, actors, None, candidates) if actors else []


def duty_findings(ctx: Context, all_acts: Sequence[Act],
                  pairs: Sequence[KinPair]) -> Iterator[Finding]:
    by_pair: dict[tuple[str, str], list[KinPair]] = defaultdict(list)
    for reading in pairs:
        by_pair[reading.pair].append(reading)
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
        day = act.on or ctx.snap.as_of
        then = best_pairs(p for p in by_pair.get((min(actor, candidate), max(actor, candidate)),
                                                 []) if _kin_at(p, day))
        if not then or then[0].category.value not in rule.param("categories"):
            continue
        pair = then[0]
        yield make(rule, [act.actor_id, act.candidate_id], posts=posts,
                   category=pair.category.value, relation=pair.relation,
                   evidence=[*kin_evidence(ctx, pair), act_edge], mover=act.actor_id,
                   detail=f"{when}{ctx.name(act.actor_id)}对亲属{ctx.name(act.candidate_id)}"
                          f"{rule.title_zh}")
