"""KIN-SAME-LEADER, KIN-DIRECT-LEAD, KIN-SENSITIVE, KIN-BUSINESS: kin and their posts."""

from __future__ import annotations

from collections.abc import Iterator

from graph.vocab import chinese
from queries.avoidance.context import Context, kin_evidence
from queries.findings import Evidence, Finding, make
from queries.kin_pairs import KinPair
from queries.kinship import Chain, KinshipError, Sex, invert, parse_chain, simplify
from queries.kinship.steps import Kind
from queries.ranks import lower_of
from queries.rules import Rule


def _ids(pair: KinPair) -> tuple[str, str]:
    return pair.a.partition("/")[2], pair.b.partition("/")[2]


def _covers(rule: Rule, pair: KinPair) -> bool:
    return pair.category.value in rule.param("categories")


def _mover(ctx: Context, a: tuple[str, str], b: tuple[str, str]) -> str | None:
    posts = ctx.snap.posts
    return lower_of((a[0], posts[a[1]].rank), (b[0], posts[b[1]].rank))


def _finding(ctx: Context, rule: Rule, pair: KinPair, a: tuple[str, str], b: tuple[str, str],
             tail: list[Evidence], detail: str) -> Finding:
    evidence = [*kin_evidence(ctx, pair), *ctx.holding(*a), *ctx.holding(*b), *tail]
    return make(rule, (a[0], b[0]), posts=sorted({a[1], b[1]}), category=pair.category.value,
                relation=pair.relation, evidence=evidence, mover=_mover(ctx, a, b),
                detail=detail)


def same_leader(ctx: Context, pair: KinPair) -> Iterator[Finding]:
    rule = ctx.rules.rule("KIN-SAME-LEADER")
    if not rule.enabled or not _covers(rule, pair):
        return
    snap = ctx.snap
    pa, pb = _ids(pair)
    for post_a in snap.posts_of.get(pa, []):
        for post_b in snap.posts_of.get(pb, []):
            if snap.posts[post_a].unit_id != snap.posts[post_b].unit_id:
                continue
            leads_b = {lead.leader: lead for lead in snap.leaders_of(post_b)}
            for lead in snap.leaders_of(post_a):
                if lead.leader in leads_b and lead.leader not in (post_a, post_b):
                    tail = [*ctx.lead(lead), *ctx.lead(leads_b[lead.leader])]
                    yield _finding(ctx, rule, pair, (pa, post_a), (pb, post_b), tail,
                                   f"同受{ctx.post_node(lead.leader).label}直接领导")


def direct_lead(ctx: Context, pair: KinPair) -> Iterator[Finding]:
    rule = ctx.rules.rule("KIN-DIRECT-LEAD")
    if not rule.enabled or not _covers(rule, pair):
        return
    snap = ctx.snap
    pa, pb = _ids(pair)
    for post_a in snap.posts_of.get(pa, []):
        for post_b in snap.posts_of.get(pb, []):
            for upper, lower in ((post_a, post_b), (post_b, post_a)):
                lead = next((x for x in snap.superiors_of(lower) if x.leader == upper), None)
                if lead is not None:
                    yield _finding(ctx, rule, pair, (pa, post_a), (pb, post_b), ctx.lead(lead),
                                   f"{ctx.post_node(upper).label}直接领导"
                                   f"{ctx.post_node(lower).label}")


def sensitive(ctx: Context, pair: KinPair) -> Iterator[Finding]:
    rule = ctx.rules.rule("KIN-SENSITIVE")
    if not rule.enabled or not _covers(rule, pair):
        return
    snap = ctx.snap
    functions = set(rule.param("functions"))
    pa, pb = _ids(pair)
    for post_a in snap.posts_of.get(pa, []):
        for post_b in snap.posts_of.get(pb, []):
            if snap.posts[post_a].unit_id != snap.posts[post_b].unit_id:
                continue
            for leader, worker in ((post_a, post_b), (post_b, post_a)):
                function = snap.posts[worker].function.value
                if snap.is_leading(leader) and function in functions and leader != worker:
                    work = chinese(snap.posts[worker].function)
                    unit = snap.posts[worker].unit_id
                    yield _finding(ctx, rule, pair, (pa, post_a), (pb, post_b),
                                   [ctx.unit_node(unit)],
                                   f"{ctx.post_node(leader).label}为领导职务，亲属在本机关从事"
                                   f"{work}工作")


def _kinds(chain: Chain) -> tuple[Kind, ...]:
    return tuple(step.kind for step in chain)


def _chain_from(ctx: Context, pair: KinPair, ego: str) -> list[tuple[Kind, ...]]:
    chain = parse_chain(pair.chain)
    person_a = ctx.person(pair.a.partition("/")[2])
    person_b = ctx.person(pair.b.partition("/")[2])
    sex_a = Sex(person_a.gender.value) if person_a and person_a.gender else None
    sex_b = Sex(person_b.gender.value) if person_b and person_b.gender else None
    try:
        if ego != pair.a:
            chain = invert(chain, sex_a, sex_b)
            sex_a, sex_b = sex_b, sex_a
        return [_kinds(r) for r in simplify(chain, sex_a, sex_b, distinct=True)]
    except KinshipError:  # contradictory data: no reading
        return []


def business(ctx: Context, pair: KinPair) -> Iterator[Finding]:
    rule = ctx.rules.rule("KIN-BUSINESS")
    if not rule.enabled:
        return
    allowed = {_kinds(parse_chain(r)) for r in rule.param("relations")}
    snap = ctx.snap
    ids = _ids(pair)
    for leader_id, relative_id in (ids, ids[::-1]):
        forms = _chain_from(ctx, pair, f"person/{leader_id}")
        if not any(f in allowed for f in forms):
            continue
        for post_l in snap.posts_of.get(leader_id, []):
            regulator = snap.unit_of(post_l)
            if snap.posts[post_l].role.value != "principal" or not regulator.regulates:
                continue
            for post_r in snap.posts_of.get(relative_id, []):
                business_unit = snap.posts[post_r].unit_id
                if business_unit in regulator.regulates and snap.is_leading(post_r):
                    tail = [ctx.unit_node(regulator.id),
                            Evidence(kind="edge", type="REGULATES",
                                     id=f"REGULATES:unit/{regulator.id}->unit/{business_unit}",
                                     source=f"unit/{regulator.id}",
                                     target=f"unit/{business_unit}"),
                            ctx.unit_node(business_unit)]
                    what = f"{regulator.name}监管{ctx.unit_node(business_unit).label}"
                    yield _finding(ctx, rule, pair, (leader_id, post_l), (relative_id, post_r),
                                   tail, what)


PAIR_RULES = (same_leader, direct_lead, sensitive, business)
