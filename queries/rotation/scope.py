"""Which posts and units a rule speaks of: leading roles, sensitive posts, organs, townships."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from graph.model import Post, Unit
from graph.regions import is_region_code, region_level
from graph.vocab import PostRole, UnitKind
from queries.rotation.facts import Facts
from queries.rules import RuleSet
from queries.snapshot import Snapshot

AVOIDANCE_MOVES = ("KIN-SAME-LEADER", "KIN-DIRECT-LEAD", "KIN-SENSITIVE", "KIN-BUSINESS",
                   "REGION-COUNTY", "REGION-CITY", "REGION-TOWNSHIP")
"""Avoidance rules that a change of post resolves (回避性交流); DUTY-* are procedural."""


def in_roles(rules: RuleSet, rule_id: str, post: Post) -> bool:
    return post.role.value in rules.rule(rule_id).param("roles")


def is_sensitive(rules: RuleSet, post: Post) -> bool:
    """ROTATE-SENSITIVE-10Y: a non-leading post in a sensitive function, or the head of an
    internal division (股长, 科长, 主任 ...: titles from the rule set)."""
    if post.role != PostRole.staff:
        return False
    rule = rules.rule("ROTATE-SENSITIVE-10Y")
    heads: list[str] = rule.param("head_titles")
    return post.function.value in rule.param("functions") or post.title.endswith(tuple(heads))


def is_township(unit: Unit | None) -> bool:
    if unit is None:
        return False
    code = unit.region_code
    return unit.kind == UnitKind.township or (
        is_region_code(code) and region_level(str(code)) == "township")


def is_organ(rules: RuleSet, unit: Unit | None) -> bool:
    """机关: party and state organs (not townships, institutions or enterprises)."""
    kinds: list[str] = rules.rule("EXCHANGE-10Y").param("organ_kinds")
    return unit is not None and unit.kind.value in kinds and not is_township(unit)


def is_department(rules: RuleSet, unit: Unit | None) -> bool:
    kinds: list[str] = rules.rule("EXCHANGE-10Y").param("department_kinds")
    return unit is not None and unit.kind.value in kinds and not is_township(unit)


def county_of(snap: Snapshot, unit: Unit | None) -> str | None:
    """The county-level area a unit belongs to, by the graph's region hierarchy, for "fill
    locally first" (a city-level unit is its own area)."""
    code = unit.region_code if unit else None
    if not is_region_code(code):
        return None
    assert code is not None
    for area in [code, *snap.region_ancestors(code)]:
        if region_level(area) != "township":
            return area
    return None


def not_both_groups(facts: Facts, movers: Iterable[str]) -> list[list[str]]:
    """EXCHANGE-NOT-BOTH: principals of one place (party committee, government, township of
    one region) or of one unit, among the movers."""
    rule = facts.rules.rule("EXCHANGE-NOT-BOTH")
    if not rule.enabled:
        return []
    kinds, moving = set(rule.param("unit_kinds")), set(movers)
    groups: dict[str, set[str]] = defaultdict(set)
    for post in facts.snap.posts.values():
        unit = facts.snap.units.get(post.unit_id)
        if post.role != PostRole.principal or unit is None:
            continue
        keys = [f"unit:{unit.id}"]
        if unit.kind.value in kinds and unit.region_code:
            keys.append(f"region:{unit.region_code}")
        for holder in facts.snap.holders.get(post.id, []):
            if holder in moving:
                for key in keys:
                    groups[key].add(holder)
    unique = {tuple(sorted(g)) for g in groups.values() if len(g) > 1}
    return [list(g) for g in sorted(unique)]
