"""SUPERVISION-KIN, SUPERVISION-GAP, SUPERVISION-CYCLE (rules.md §5), as avoidance findings.

- KIN: someone holding a post in a person's chain (any level, every holder of the post) is
  the person's kin on the date. One finding per pair, with the nearest such step as evidence.
- GAP: (a) a principal whose chain has no one sitting above (no leader post, or only vacant
  ones) - except the principal of a root party committee (a party committee with no parent
  unit in the data), which is the top of the chain by design; (b) a deputy or member of a
  unit whose principal post(s) have been vacant - or never held - while they served, for more
  than the rule's `vacancy_days` (counted from the later of their start and the last day a
  principal sat).
- CYCLE: the leader relation (every lead, not only the followed one) has a loop: each loop
  (strongly connected set of posts) is one finding for the people holding its posts.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from datetime import date

import networkx as nx

from graph.ids import node_key
from graph.model import Holding
from graph.store.base import GraphStore
from graph.vocab import PostRole, UnitKind
from queries.avoidance.context import Context, kin_evidence
from queries.findings import Evidence, Finding, make, one_per_key
from queries.kin_pairs import KinPair, holder_pairs
from queries.ranks import lower_of
from queries.rules import RuleSet
from queries.snapshot import Lead, Snapshot
from queries.supervision.chain import Chains, ChainStep, PostChain
from queries.supervision.reads import holdings_at
from queries.supervision.spells import holding_evidence


def _lead(ctx: Context, step: ChainStep) -> list[Evidence]:
    return ctx.lead(Lead(step.post_id, tuple(step.edges), step.relation))


def chain_pairs(store: GraphStore, snap: Snapshot,
                focus: Collection[str] | None) -> dict[tuple[str, str], KinPair]:
    """Kin pairs among the post holders on the date (those of `focus` when given)."""
    return {p.pair: p for p in holder_pairs(store, snap, focus)}


def kin_findings(ctx: Context, chains: dict[str, PostChain],
                 pairs: dict[tuple[str, str], KinPair]) -> Iterator[Finding]:
    rule, snap = ctx.rules.rule("SUPERVISION-KIN"), ctx.snap
    if not rule.enabled or not pairs:
        return
    kin = {key.partition("/")[2] for pair in pairs for key in pair}
    for person in sorted({p for post in chains for p in snap.holders.get(post, []) if p in kin}):
        pkey = node_key("Person", person)
        for post_id in snap.posts_of.get(person, []):
            chain = chains.get(post_id)
            if chain is None:
                continue
            for depth, step in enumerate(chain.chain, start=1):
                for other in step.holders:
                    if other not in kin:
                        continue
                    okey = node_key("Person", other)
                    pair = pairs.get((min(pkey, okey), max(pkey, okey)))
                    if other == person or pair is None or (
                            pair.category.value not in rule.param("categories")):
                        continue
                    leads = [e for s in chain.chain[:depth] for e in _lead(ctx, s)]
                    yield make(
                        rule, [person, other], posts=sorted({post_id, step.post_id}),
                        category=pair.category.value, relation=pair.relation,
                        evidence=[*kin_evidence(ctx, pair), *ctx.holding(person, post_id),
                                  *leads, *ctx.holding(other, step.post_id)],
                        mover=lower_of((person, snap.posts[post_id].rank),
                                       (other, snap.posts[step.post_id].rank)),
                        detail=f"{ctx.name(other)}（{step.label}）在{ctx.name(person)}"
                               f"（{chain.start.label}）的监督链第{depth}级，二者为"
                               f"{pair.category.label}（{pair.relation}）")


def _root_party_committee(snap: Snapshot, post_id: str) -> bool:
    unit = snap.unit_of(post_id)
    return unit.kind == UnitKind.party_committee and (
        unit.parent_id is None or unit.parent_id not in snap.units)


def _unsupervised_principals(ctx: Context, chains: dict[str, PostChain]) -> Iterator[Finding]:
    rule, snap = ctx.rules.rule("SUPERVISION-GAP"), ctx.snap
    for post_id, chain in sorted(chains.items()):
        post = snap.posts[post_id]
        if post.role != PostRole.principal or chain.cycle or chain.supervisors():
            continue
        if not chain.chain and _root_party_committee(snap, post_id):
            continue
        above = "、".join(s.label for s in chain.chain)
        why = f"上级职位{above}均空缺" if above else "数据中无上级职位（无分管领导、无上级单位）"
        for person in snap.holders.get(post_id, []):
            vacant = [e for s in chain.chain for e in _lead(ctx, s)]
            yield make(rule, [person], posts=[post_id],
                       evidence=[ctx.person_node(person), *ctx.holding(person, post_id),
                                 ctx.unit_node(post.unit_id), *vacant],
                       detail=f"一把手{ctx.name(person)}（{chain.start.label}）无人监督：{why}")


def _last_sat(history: list[Holding], before: date) -> Holding | None:
    ended = [h for h in history if h.end is not None and h.end <= before]
    return max(ended, key=lambda h: (h.end or date.min, h.id), default=None)


def _deputies_alone(ctx: Context, wanted: set[str] | None) -> Iterator[Finding]:
    rule, snap = ctx.rules.rule("SUPERVISION-GAP"), ctx.snap
    day, limit = snap.as_of or date.today(), int(rule.param("vacancy_days"))
    last_of: dict[str, Holding | None] = {}
    for post_id in snap.held_posts(wanted):
        post = snap.posts[post_id]
        principals = snap.principals.get(post.unit_id, [])
        if post.role not in (PostRole.deputy, PostRole.member) or post.reports_to in snap.posts:
            continue
        if any(snap.holders.get(p) for p in principals):
            continue
        if post.unit_id not in last_of:
            last_of[post.unit_id] = _last_sat(holdings_at(ctx.store, principals), day)
        last = last_of[post.unit_id]
        was = ("未设正职职位" if not principals else "无任职记录" if last is None or not last.end
               else f"自{last.end.isoformat()}起空缺")
        for person in snap.holders[post_id]:
            mine = snap.holding_of[(person, post_id)]
            since = max(mine.start, last.end) if last and last.end else mine.start
            days = (day - since).days
            if days <= limit:
                continue
            evidence = [ctx.person_node(person), *ctx.holding(person, post_id),
                        ctx.unit_node(post.unit_id), *(ctx.post_node(p) for p in principals)]
            if last is not None:
                evidence.append(holding_evidence(last, "前任正职"))
            yield make(rule, [person], posts=sorted([post_id, *principals]), evidence=evidence,
                       detail=f"{ctx.unit_node(post.unit_id).label}正职{was}，"
                              f"{ctx.name(person)}已{days}天无在任正职（超过{limit}天）")


def gap_findings(ctx: Context, chains: dict[str, PostChain],
                 wanted: set[str] | None = None) -> Iterator[Finding]:
    if ctx.rules.rule("SUPERVISION-GAP").enabled:
        yield from _unsupervised_principals(ctx, chains)
        yield from _deputies_alone(ctx, wanted)


Loop = tuple[list[str], list[tuple[str, str]], dict[tuple[str, str], Lead]]


def _loops(snap: Snapshot) -> list[Loop]:
    """Each loop of the leader relation: its posts, one cycle through them (below -> above)
    and the leads along it. They depend on posts and units only."""
    graph: nx.DiGraph[str] = nx.DiGraph()
    leads: dict[tuple[str, str], Lead] = {}
    for post_id in sorted(snap.posts):
        for lead in snap.leaders_of(post_id):
            graph.add_edge(post_id, lead.leader)
            leads[(post_id, lead.leader)] = lead
    loops = [sorted(c) for c in nx.strongly_connected_components(graph)
             if len(c) > 1 or graph.has_edge(next(iter(c)), next(iter(c)))]
    out: list[Loop] = []
    for loop in sorted(loops):
        cycle = [(str(e[0]), str(e[1])) for e in nx.find_cycle(graph.subgraph(loop),
                                                               source=loop[0])]
        out.append((loop, cycle, {k: leads[k] for k in cycle}))
    return out


def cycle_findings(ctx: Context) -> Iterator[Finding]:
    rule, snap = ctx.rules.rule("SUPERVISION-CYCLE"), ctx.snap
    if not rule.enabled:
        return
    for loop, cycle, leads in snap.org_memo("loops", lambda: _loops(snap)):
        path = [e for below, above, *_ in cycle for e in ctx.lead(leads[(below, above)])]
        persons = sorted({p for post in loop for p in snap.holders.get(post, [])})
        posts_in_order = [below for below, *_ in cycle]
        steps = "→".join(ctx.post_node(p).label for p in [*posts_in_order, posts_in_order[0]])
        yield make(rule, persons, posts=loop,
                   evidence=[ctx.post_node(posts_in_order[0]), *path,
                             *(e for p in persons for post in snap.posts_of.get(p, [])
                               if post in loop for e in ctx.holding(p, post))],
                   detail=f"领导关系成环：{steps}（下级→上级）")


def supervision_findings(store: GraphStore, rules: RuleSet, as_of: date | None,
                         focus: Collection[str] | None = None) -> list[Finding]:
    """SUPERVISION-KIN, -GAP and -CYCLE findings on `as_of` (default today); with `focus`
    (person ids), only those involving one of them. One per rule per person set."""
    return findings_in(store, rules, Snapshot.load(store, as_of or date.today()), focus)


def findings_in(store: GraphStore, rules: RuleSet, snap: Snapshot,
                focus: Collection[str] | None = None) -> list[Finding]:
    """The supervision findings of a snapshot - also a what-if one
    (`Snapshot.load(store, day, extra=..., ending=...)`)."""
    walker = Chains.of(snap)
    wanted = None if focus is None else set(focus)
    pairs = chain_pairs(store, snap, wanted) if rules.enabled("SUPERVISION-KIN") else {}
    if wanted is None:
        posts = sorted(snap.holders)
    else:  # only the chains a finding about these people can lie on
        involved = wanted | {k.partition("/")[2] for p in pairs for k in p}
        posts = sorted({post for person in involved for post in snap.posts_of.get(person, [])})
    chains = {p: walker.walk(p) for p in posts}
    # focused, the holders up the chains are read only if a finding names them (`ctx.name`)
    people = {*(snap.posts_of if wanted is None else wanted),
              *(k.partition("/")[2] for p in pairs.values() for k in p.path.nodes)}
    ctx = Context.build(store, rules, snap, people)
    found = [*kin_findings(ctx, chains, pairs), *gap_findings(ctx, chains, wanted),
             *cycle_findings(ctx)]
    return one_per_key(f for f in found if wanted is None or wanted & set(f.persons))
