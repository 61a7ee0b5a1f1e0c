"""The tenure engine: terms, and how long someone has been in a post, at a level, in a team
and in a place, computed from the holdings history.

Definitions (thresholds from the rule set):

- A *spell* is a continuous stretch of holding: holdings of the same kind that touch or are
  at most `TERM-START.continuity_gap_days` apart join (a re-appointment is not a new start).
  Spells still running are projected forward (they are assumed to continue).
- *Terms* (`TERM-START`): a term counts from 1 January of the appointment year when appointed
  on or before the cutoff (30 June), else from 1 January of the next year, and lasts
  `TERM-LENGTH.years`. The post keeps a term clock: on a post with headcount 1, a successor
  who starts before the running term ends is a mid-term replacement and inherits the rest of
  that term (it ends when the predecessor's would have). An inherited rest counts towards
  `TERM-MAX-2` only when it is at least `TERM-MAX-2.partial_min_years` long.
- *Level*: cumulative (not necessarily continuous) time in leading posts of the same rank.
- *Team*: continuous time in leading posts of the same unit (同一领导班子).
- *Place*: continuous time in leading posts of the same rank in units of the same region.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from graph.model import Holding, Post
from queries.rotation.dates import (
    OPEN_END,
    Interval,
    add_years,
    merge,
    reach_date,
    total_days,
    years_between,
)
from queries.rotation.facts import Facts
from queries.rules import RuleSet

MAX_TERMS = 12
"""Terms projected per spell: 60 years, far beyond any planning horizon."""


@dataclass(frozen=True)
class Term:
    start: date
    end: date
    inherited: bool = False
    counts: bool = True


@dataclass(frozen=True)
class Tenure:
    """One person in one current post, as of the facts' date."""

    person_id: str
    post_id: str
    since: date
    """Continuously in this post since."""
    years: float
    terms: tuple[Term, ...]
    team_since: date | None
    """Continuously in a leading post of this unit since (None: not a leading post)."""
    place_since: date | None
    """Continuously in leading posts of this rank in this region since."""
    level_years: float
    """Cumulative years in leading posts of this rank."""
    level_reached: date | None
    """When the cumulative time at this rank reaches `LEVEL-15Y.years` (past or projected)."""

    def counted_term_end(self, n: int) -> date | None:
        """The end of the n-th term that counts (None when fewer are projected)."""
        counted = [t for t in self.terms if t.counts]
        return counted[n - 1].end if len(counted) >= n else None


def term_start(appointed: date, cutoff: str) -> date:
    """1 January of the appointment year when appointed on or before the cutoff (MM-DD),
    else 1 January of the next year."""
    month, _, day = cutoff.partition("-")
    early = (appointed.month, appointed.day) <= (int(month), int(day))
    return date(appointed.year if early else appointed.year + 1, 1, 1)


def spells_of(holdings: Iterable[Holding], gap_days: int, as_of: date) -> list[Interval]:
    """Merged spells of the holdings that started by `as_of` (running ones projected)."""
    return merge(((h.start, h.end or OPEN_END) for h in holdings if h.start <= as_of), gap_days)


def _terms_from(first: Term, end: date, years: int) -> list[Term]:
    out = [first]
    while out[-1].end < end and len(out) < MAX_TERMS:
        start = out[-1].end
        out.append(Term(start, add_years(start, years)))
    return out


def post_terms(history: list[Holding], post: Post, rules: RuleSet,
               as_of: date) -> dict[tuple[str, date], tuple[Term, ...]]:
    """Terms of every spell on one post, keyed by (person, spell start)."""
    start_rule = rules.rule("TERM-START")
    years = int(rules.rule("TERM-LENGTH").param("years"))
    partial = float(rules.rule("TERM-MAX-2").param("partial_min_years"))
    inherits = post.headcount == 1 and bool(start_rule.param("headcount_one_inherits"))
    gap = int(start_rule.param("continuity_gap_days"))
    by_person: dict[str, list[Holding]] = defaultdict(list)
    for h in history:
        by_person[h.person_id].append(h)
    spells = sorted((s, e, pid) for pid, hs in by_person.items()
                    for s, e in spells_of(hs, gap, as_of))
    out: dict[tuple[str, date], tuple[Term, ...]] = {}
    clock: Term | None = None
    for start, end, person_id in spells:
        if inherits and clock is not None and start < clock.end:
            first = Term(clock.start, clock.end, inherited=True,
                         counts=years_between(start, clock.end) >= partial)
        else:
            begin = term_start(start, str(start_rule.param("cutoff_month_day")))
            first = Term(begin, add_years(begin, years))
        terms = [t for t in _terms_from(first, end, years) if t.start < end]
        out[(person_id, start)] = tuple(terms)
        running = [t for t in terms if t.start <= end < t.end]
        clock = running[0] if running and end != OPEN_END else None
    return out


def terms_of(facts: Facts, post: Post) -> dict[tuple[str, date], tuple[Term, ...]]:
    """The terms on a post (computed once per request; only posts with terms)."""
    if post.role.value not in facts.rules.rule("TERM-MAX-2").param("roles"):
        return {}
    key = ("terms", post.id)
    if key not in facts.memo:
        facts.memo[key] = post_terms(facts.post_history.get(post.id, []), post, facts.rules,
                                     facts.as_of)
    found: dict[tuple[str, date], tuple[Term, ...]] = facts.memo[key]
    return found


def _current(spells: list[Interval], as_of: date) -> Interval | None:
    return next(((s, e) for s, e in spells if s <= as_of < e), None)


def _since(facts: Facts, person_id: str, keep: Callable[[Post], bool]) -> date | None:
    gap = int(facts.rules.rule("TERM-START").param("continuity_gap_days"))
    posts = facts.snap.posts
    held = [h for h in facts.history.get(person_id, [])
            if h.post_id in posts and keep(posts[h.post_id])]
    spell = _current(spells_of(held, gap, facts.as_of), facts.as_of)
    return spell[0] if spell else None


def tenure(facts: Facts, person_id: str, post_id: str) -> Tenure:
    """Tenure of a person in one of their current posts."""
    post = facts.post(post_id)
    gap = int(facts.rules.rule("TERM-START").param("continuity_gap_days"))
    mine = [h for h in facts.history.get(person_id, []) if h.post_id == post_id]
    spell = _current(spells_of(mine, gap, facts.as_of), facts.as_of)
    since = spell[0] if spell else facts.as_of
    terms = terms_of(facts, post)
    leading = facts.is_leading(post_id)
    unit = facts.snap.units.get(post.unit_id)
    region = unit.region_code if unit else None

    def same_team(p: Post) -> bool:
        return p.unit_id == post.unit_id and facts.is_leading(p.id)

    def same_place(p: Post) -> bool:
        u = facts.snap.units.get(p.unit_id)
        return (facts.is_leading(p.id) and p.rank == post.rank and u is not None
                and region is not None and u.region_code == region)

    level_spans: list[Interval] = []
    if leading and post.rank:
        level_spans = [(h.start, h.end or OPEN_END) for h in facts.history.get(person_id, [])
                       if h.start <= facts.as_of and h.post_id in facts.snap.posts
                       and facts.is_leading(h.post_id)
                       and facts.snap.posts[h.post_id].rank == post.rank]
    clipped = [(s, min(e, facts.as_of)) for s, e in level_spans if s < facts.as_of]
    level_rule = facts.rules.rule("LEVEL-15Y")
    return Tenure(
        person_id=person_id, post_id=post_id, since=since,
        years=years_between(since, facts.as_of), terms=terms.get((person_id, since), ()),
        team_since=_since(facts, person_id, same_team) if leading else None,
        place_since=_since(facts, person_id, same_place) if leading and region else None,
        level_years=total_days(clipped) / 365.25,
        level_reached=reach_date(level_spans, float(level_rule.param("years")))
        if level_spans else None)
