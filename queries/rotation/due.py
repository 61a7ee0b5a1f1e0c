"""Who is due to move, as of a date and within a horizon, and why (rules.md §3, §2).

Tenure reasons come from the tenure engine (`EXCHANGE-10Y`, `TERM-MAX-2`, `LEVEL-15Y`,
`ROTATE-SENSITIVE-10Y`, `ROTATE-TWO-TERMS`); avoidance reasons from the audit's findings whose
rule a change of post resolves: the finding's `mover`, or both people when it names none.
`EXEMPT-NEAR-RETIRE` marks the reasons it covers as exempt for cadres within its `years` of
retirement; any tenure reason falling due on or after retirement is exempt as well.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from pydantic import BaseModel, Field, computed_field

from graph.store.base import GraphStore
from queries.avoidance.check import findings_in
from queries.findings import Finding
from queries.rotation.dates import add_months, add_years
from queries.rotation.facts import Facts
from queries.rotation.scope import AVOIDANCE_MOVES, in_roles, is_sensitive
from queries.rotation.tenure import Tenure, tenure
from queries.rules import RuleSet, Strength


class DueReason(BaseModel):
    rule: str
    strength: Strength
    due_on: date
    post_id: str | None = None
    detail: str = ""
    exempt_by: str | None = None
    others: list[str] = Field(default_factory=list)
    """For avoidance: the other person(s) of the finding."""


class DueItem(BaseModel):
    person_id: str
    name: str
    posts: list[str]
    due_on: date
    strength: Strength
    exempt: bool
    """Every reason is exempt: the cadre need not move."""
    retirement_date: date | None = None
    reasons: list[DueReason]
    exemptions: list[str] = Field(default_factory=list)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def rules(self) -> list[str]:
        """The rule IDs of the reasons (exempt ones included)."""
        return sorted({r.rule for r in self.reasons})

    @property
    def avoidance(self) -> bool:
        return any(r.rule in AVOIDANCE_MOVES for r in self.reasons)


def _years(facts: Facts, rule_id: str, key: str = "years") -> float:
    return float(facts.rules.rule(rule_id).param(key))


def tenure_reasons(facts: Facts, t: Tenure) -> Iterator[DueReason]:
    """Every tenure rule the person meets (or will meet) in one current post."""
    rules, post = facts.rules, facts.post(t.post_id)
    label = facts.post_label(t.post_id)

    def reason(rule_id: str, day: date | None, detail: str,
               strength: Strength | None = None) -> Iterator[DueReason]:
        rule = rules.rule(rule_id)
        if rule.enabled and day is not None:
            yield DueReason(rule=rule_id, strength=strength or rule.strength, due_on=day,
                            post_id=t.post_id, detail=detail)

    since = t.since.isoformat()
    if in_roles(rules, "EXCHANGE-10Y", post):
        n = _years(facts, "EXCHANGE-10Y")
        yield from reason("EXCHANGE-10Y", add_years(t.since, n),
                          f"自{since}任{label}，同一职位满{n:g}年应交流")
        if t.place_since is not None:
            area = _years(facts, "EXCHANGE-10Y", "area_years")
            yield from reason("EXCHANGE-10Y", add_years(t.place_since, area),
                              f"自{t.place_since}在同一地方同一层次领导班子任职满{area:g}年",
                              "should")
    if is_sensitive(rules, post):
        n = _years(facts, "ROTATE-SENSITIVE-10Y")
        yield from reason("ROTATE-SENSITIVE-10Y", add_years(t.since, n),
                          f"自{since}在{label}（重要岗位）满{n:g}年应轮岗")
    if in_roles(rules, "TERM-MAX-2", post):
        n = int(_years(facts, "TERM-MAX-2", "terms"))
        end = t.counted_term_end(n)
        yield from reason("TERM-MAX-2", end, f"在{label}连续任职{n}个任期（至{end}届满）")
    if in_roles(rules, "ROTATE-TWO-TERMS", post) and t.team_since is not None:
        n = _years(facts, "ROTATE-TWO-TERMS", "terms") * _years(facts, "TERM-LENGTH")
        yield from reason("ROTATE-TWO-TERMS", add_years(t.team_since, n),
                          f"自{t.team_since}在同一单位领导班子任职满两届")
    if in_roles(rules, "LEVEL-15Y", post):
        n = _years(facts, "LEVEL-15Y")
        yield from reason("LEVEL-15Y", t.level_reached,
                          f"{post.rank}层次领导职务累计满{n:g}年（现累计{t.level_years:.1f}年）")
        if t.team_since is not None:
            team = _years(facts, "LEVEL-15Y", "team_years")
            yield from reason("LEVEL-15Y", add_years(t.team_since, team),
                              f"自{t.team_since}在同一领导班子连续任职满{team:g}年")


def avoidance_reasons(facts: Facts, findings: Iterable[Finding]) -> dict[str, list[DueReason]]:
    """Per person, the avoidance findings that require them to move (回避性交流)."""
    out: dict[str, list[DueReason]] = {}
    for f in findings:
        if f.rule not in AVOIDANCE_MOVES:
            continue
        starts = [h.start for p in f.persons for post in f.posts
                  if (h := facts.snap.holding_of.get((p, post))) is not None]
        day = max(starts, default=facts.as_of)
        for person_id in [f.mover] if f.mover else f.persons:
            others = [p for p in f.persons if p != person_id]
            out.setdefault(person_id, []).append(DueReason(
                rule=f.rule, strength=f.severity, due_on=day, others=others,
                post_id=next((p for p in f.posts if p in facts.current_posts(person_id)), None),
                detail=f"{f.title}：{f.detail}" if f.detail else f.title))
    return out


def _exempt(facts: Facts, person_id: str, reasons: list[DueReason]) -> list[str]:
    """Marks exempt reasons in place; returns the explanations."""
    rule = facts.rules.rule("EXEMPT-NEAR-RETIRE")
    retire = facts.retirement(person_id)
    if not rule.enabled or retire is None:
        return []
    near = retire < add_years(facts.as_of, float(rule.param("years")))
    covered = set(rule.param("applies_to"))
    notes: set[str] = set()
    for r in reasons:
        if r.rule in AVOIDANCE_MOVES:
            continue
        if near and r.rule in covered:
            r.exempt_by = rule.id
            notes.add(f"{rule.id}：{retire}到龄退休，距今不足{rule.param('years')}年")
        elif r.due_on >= retire:
            r.exempt_by = rule.id
            notes.add(f"{rule.id}：{retire}到龄退休，早于{r.rule}到期日")
    return sorted(notes)


def _unique(reasons: list[DueReason]) -> list[DueReason]:
    """The earliest reason per (rule, strength, post, other people)."""
    kept: dict[tuple[str, str, str, tuple[str, ...]], DueReason] = {}
    for r in sorted(reasons, key=lambda r: r.due_on):
        kept.setdefault((r.rule, r.strength, r.post_id or "", tuple(r.others)), r)
    return list(kept.values())


def due_items(facts: Facts, findings: Iterable[Finding], within_months: int) -> list[DueItem]:
    """The due list from loaded facts and the audit's findings as of `facts.as_of`."""
    horizon = add_months(facts.as_of, within_months)
    by_person = avoidance_reasons(facts, findings)
    for person_id, posts in sorted(facts.snap.posts_of.items()):
        for post_id in posts:
            met = tenure_reasons(facts, tenure(facts, person_id, post_id))
            by_person.setdefault(person_id, []).extend(r for r in met if r.due_on <= horizon)
    items = []
    for person_id, listed in sorted(by_person.items()):
        reasons = _unique(listed)
        if not reasons:
            continue
        notes = _exempt(facts, person_id, reasons)
        live = [r for r in reasons if r.exempt_by is None]
        basis = live or reasons
        reasons.sort(key=lambda r: (r.due_on, r.rule, r.post_id or ""))
        items.append(DueItem(
            person_id=person_id, name=facts.name(person_id),
            posts=facts.current_posts(person_id), due_on=min(r.due_on for r in basis),
            strength="must" if any(r.strength == "must" for r in basis) else "should",
            exempt=not live, retirement_date=facts.retirement(person_id), reasons=reasons,
            exemptions=notes))
    return sorted(items, key=lambda i: (i.exempt, i.strength != "must", i.due_on, i.person_id))


def position_findings(store: GraphStore, facts: Facts) -> list[Finding]:
    """The audit's findings as of the facts' date (one full avoidance check)."""
    return findings_in(store, facts.rules, facts.snap)


def due(store: GraphStore, rules: RuleSet, as_of: date, within_months: int = 12) -> list[DueItem]:
    """Every cadre who must or should move by `as_of` + `within_months`, with reasons."""
    facts = Facts.load(store, rules, as_of)
    return due_items(facts, position_findings(store, facts), within_months)


def tenure_due(facts: Facts, person_id: str, within_months: int = 12) -> list[DueReason]:
    """One person's live (not exempt) tenure reasons: cheap, no avoidance audit."""
    horizon = add_months(facts.as_of, within_months)
    reasons = _unique([r for post_id in facts.current_posts(person_id)
                       for r in tenure_reasons(facts, tenure(facts, person_id, post_id))
                       if r.due_on <= horizon])
    _exempt(facts, person_id, reasons)
    return [r for r in reasons if r.exempt_by is None]
