"""REFERENCE-KIN and REFERENCE-ABSENT: the reference person (证明人) of a résumé spell.

A `reference` act (edge VOUCHES_FOR) says its actor vouches for the candidate's spell at
`post_id` starting on the act's date. The spell is the candidate's holding at that post
starting that day; else the one at that post covering that day; else the only one at that
post. A reference whose spell is not in the records is a RECORD-MISMATCH (`unknown_spell`).

- KIN: the witness is the cadre's kin (rules.md §1) at the spell's date or on the check date.
- ABSENT: the witness held no post in the spell's unit or its parent unit at any time during
  the spell (all their holdings, whatever the check date; the spell counts up to the check
  date). Vouching for one's own spell counts as absent unless one held another post there.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from graph import records as r
from graph.convert import edge_to_model
from graph.ids import node_key
from graph.model import Act, Holding
from graph.store.base import GraphStore
from queries.avoidance.context import Context, kin_evidence
from queries.findings import Evidence, Finding, make
from queries.kin_pairs import KinPair, best_pairs, kin_readings
from queries.supervision.reads import acts_of
from queries.supervision.spells import Discrepancy, holding_evidence, overlaps, span_text


@dataclass(frozen=True)
class Vouching:
    act: Act
    spell: Holding | None


def reference_acts(store: GraphStore, as_of: date,
                   focus: Collection[str] | None) -> list[Act]:
    """Reference acts dated up to `as_of` (or undated), of or by `focus` people when given."""
    etype = r.ACT_TYPES["reference"]
    if focus is None:
        found = [a for e in store.scan_edges(etype, r.iso(as_of))
                 if isinstance(a := edge_to_model(e), Act)]
        return sorted(found, key=lambda a: (a.on or date.min, a.id))
    both = {a.id: a for flag in (True, False)
            for a in acts_of(store, focus, [etype], as_actor=flag, as_of=as_of)}
    return sorted(both.values(), key=lambda a: (a.on or date.min, a.id))


def spell_of(act: Act, history: list[Holding]) -> Holding | None:
    at_post = [h for h in history if h.post_id == act.post_id]
    exact = [h for h in at_post if h.start == act.on]
    covering = [h for h in at_post if act.on is not None and h.active_on(act.on)]
    if exact or covering:
        return (exact or covering)[0]
    return at_post[0] if len(at_post) == 1 else None


def _act_evidence(ctx: Context, act: Act) -> list[Evidence]:
    actor, cand = node_key("Person", act.actor_id), node_key("Person", act.candidate_id)
    return [ctx.person_node(act.actor_id),
            Evidence(kind="edge", id=act.id, type=r.ACT_TYPES["reference"], source=actor,
                     target=cand, label="证明人"),
            ctx.person_node(act.candidate_id)]


def kin_pairs_of(store: GraphStore,
                 vouchings: list[Vouching]) -> dict[tuple[str, str], list[KinPair]]:
    """Every kinship reading, at any time, between witnesses and the cadres they vouch for."""
    actors = sorted({node_key("Person", v.act.actor_id) for v in vouchings})
    cands = sorted({node_key("Person", v.act.candidate_id) for v in vouchings})
    out: dict[tuple[str, str], list[KinPair]] = defaultdict(list)
    for reading in kin_readings(store, actors, None, cands) if actors else []:
        out[reading.pair].append(reading)
    return dict(out)


def reference_kin(ctx: Context, vouchings: list[Vouching],
                  pairs: dict[tuple[str, str], list[KinPair]]) -> Iterator[Finding]:
    rule = ctx.rules.rule("REFERENCE-KIN")
    if not rule.enabled:
        return
    day = ctx.snap.as_of
    for v in vouchings:
        a, c = node_key("Person", v.act.actor_id), node_key("Person", v.act.candidate_id)
        when = [d.isoformat() for d in (v.act.on, day) if d is not None]
        then = best_pairs(p for p in pairs.get((min(a, c), max(a, c)), [])
                          if any(all(e.active_on(d) for e in p.path.edges) for d in when))
        if not then or then[0].category.value not in rule.param("categories"):
            continue
        pair = then[0]
        spell = [holding_evidence(v.spell), ctx.post_node(v.spell.post_id)] if (
            v.spell and v.spell.post_id in ctx.snap.posts) else []
        yield make(rule, [v.act.actor_id, v.act.candidate_id],
                   posts=[v.act.post_id] if v.act.post_id else [],
                   category=pair.category.value, relation=pair.relation,
                   evidence=[*kin_evidence(ctx, pair), *_act_evidence(ctx, v.act), *spell],
                   detail=f"{ctx.name(v.act.actor_id)}为{ctx.name(v.act.candidate_id)}的经历证明人，"
                          f"二者为{pair.category.label}（{pair.relation}）")


def reference_absent(ctx: Context, vouchings: list[Vouching],
                     history: dict[str, list[Holding]]) -> Iterator[Finding]:
    rule, snap = ctx.rules.rule("REFERENCE-ABSENT"), ctx.snap
    if not rule.enabled:
        return
    cap = (snap.as_of or date.today()) + timedelta(days=1)
    for v in vouchings:
        if v.spell is None or v.spell.post_id not in snap.posts:
            continue
        unit = snap.unit_of(v.spell.post_id)  # a post's unit always exists (IN_UNIT edge)
        where = {unit.id, *([unit.parent_id] if unit.parent_id else [])}
        end = v.spell.end if v.spell.end is not None and v.spell.end < cap else cap
        there = [h for h in history.get(v.act.actor_id, []) if h.id != v.spell.id
                 and h.post_id in snap.posts and snap.posts[h.post_id].unit_id in where
                 and overlaps(h, v.spell.start, end)]
        if there:
            continue
        who = "本人" if v.act.actor_id == v.act.candidate_id else ctx.name(v.act.actor_id)
        yield make(rule, [v.act.actor_id, v.act.candidate_id], posts=[v.spell.post_id],
                   evidence=[*_act_evidence(ctx, v.act), holding_evidence(v.spell),
                             ctx.post_node(v.spell.post_id), ctx.unit_node(unit.id)],
                   detail=f"证明人{who}在{ctx.name(v.act.candidate_id)}任"
                          f"{ctx.post_node(v.spell.post_id).label}期间（{span_text(v.spell)}）"
                          f"未在{unit.name}或其上级单位任职")


def unknown_spells(ctx: Context, vouchings: list[Vouching]) -> Iterator[Discrepancy]:
    for v in vouchings:
        if v.spell is None:
            post = v.act.post_id or "未注明职位"
            when = v.act.on.isoformat() if v.act.on else "日期不详"
            yield Discrepancy(v.act.candidate_id, "unknown_spell",
                              f"证明人{ctx.name(v.act.actor_id)}所证明的经历（{post}，{when}起）"
                              f"不在任职记录中",
                              posts=(v.act.post_id,) if v.act.post_id else (),
                              evidence=tuple(_act_evidence(ctx, v.act)))
