"""The three modes: a full audit as of a date, one person, and what-if for proposals."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from graph.errors import InvalidInput, NotFound
from graph.ids import node_key
from graph.model import Holding
from graph.store.base import GraphStore
from queries.avoidance.context import Context
from queries.avoidance.duty import duty_facts, duty_findings
from queries.avoidance.kin_rules import PAIR_RULES
from queries.avoidance.people import read_people
from queries.avoidance.region import region_findings
from queries.findings import Finding, FindingsReport, one_per_key, report
from queries.kin_pairs import holder_pairs
from queries.rules import RuleSet
from queries.snapshot import Snapshot


@dataclass(frozen=True)
class Proposal:
    """Appoint `person_id` to `post_id` on `on`: a move, so their current posts end then."""

    person_id: str
    post_id: str
    on: date | None = None

    @classmethod
    def parse(cls, text: str) -> Proposal:
        """`PERSON=POST` or `PERSON=POST@YYYY-MM-DD`."""
        person, sep, rest = text.partition("=")
        post, _, day = rest.partition("@")
        if not sep or not person.strip() or not post.strip():
            raise InvalidInput(f"{text!r}: a proposal is PERSON=POST[@YYYY-MM-DD]")
        try:
            on = date.fromisoformat(day.strip()) if day.strip() else None
        except ValueError as exc:
            raise InvalidInput(f"{text!r}: {exc}") from exc
        return cls(person.strip(), post.strip(), on)


def findings_in(store: GraphStore, rules: RuleSet, snap: Snapshot,
                focus: set[str] | None = None) -> list[Finding]:
    """Every avoidance finding in a snapshot (those involving `focus` when given)."""
    pairs = holder_pairs(store, snap, focus)
    all_acts, dpairs = duty_facts(store, snap, focus)
    people = {*(snap.posts_of if focus is None else focus),
              *(a.actor_id for a in all_acts), *(a.candidate_id for a in all_acts),
              *(k.partition("/")[2] for p in [*pairs, *dpairs] for k in p.path.nodes)}
    ctx = Context.build(store, rules, snap, people)
    out: list[Finding] = []
    for pair in pairs:
        for rule_fn in PAIR_RULES:
            out.extend(rule_fn(ctx, pair))
    out.extend(region_findings(ctx, focus))
    out.extend(duty_findings(ctx, all_acts, dpairs))
    return one_per_key(f for f in out if focus is None or focus & set(f.persons))


SnapshotCheck = Callable[[GraphStore, RuleSet, Snapshot, "set[str] | None"], list[Finding]]


def audit(store: GraphStore, rules: RuleSet, as_of: date | None,
          person_id: str | None = None,
          checks: Sequence[SnapshotCheck] = (findings_in,)) -> FindingsReport:
    """All findings of `checks` (default: avoidance) as of a date, or those of one person."""
    focus = None
    if person_id is not None:
        if not store.existing([node_key("Person", person_id)]):
            raise NotFound(f"no person with id {person_id!r}")
        focus = {person_id}
    snap = Snapshot.load(store, as_of)
    return report(rules, as_of, (f for check in checks for f in check(store, rules, snap, focus)))


def proposal_day(proposals: Sequence[Proposal], as_of: date | None) -> date:
    """The date a what-if check is made on: `as_of`, else the latest proposal date, else
    today."""
    return as_of or max((p.on for p in proposals if p.on), default=None) or date.today()


def what_if(store: GraphStore, rules: RuleSet, proposals: Sequence[Proposal],
            as_of: date | None = None,
            checks: Sequence[SnapshotCheck] = (findings_in,),
            snap: Snapshot | None = None) -> FindingsReport:
    """The findings the proposed appointments would create (not those that exist already).
    `snap` is the snapshot of the day when the caller keeps one (the API caches them)."""
    if not proposals:
        raise InvalidInput("no proposal given")
    day = proposal_day(proposals, as_of)
    before_snap = snap if snap is not None and snap.as_of == day else Snapshot.load(store, day)
    focus = {p.person_id for p in proposals}
    known = read_people(store, before_snap, focus)  # posts: all in the snapshot
    missing = sorted({*(node_key("Person", p) for p in focus - known),
                      *(node_key("Post", p.post_id) for p in proposals
                        if p.post_id not in before_snap.posts)})
    if missing:
        raise NotFound(f"unknown in the graph: {', '.join(missing)}")
    before = [f for check in checks for f in check(store, rules, before_snap, focus)]
    extra = [Holding(person_id=p.person_id, post_id=p.post_id, start=p.on or day)
             for p in proposals]
    after_snap = before_snap.moved(extra, ending=focus)
    after = [f for check in checks for f in check(store, rules, after_snap, focus)]
    existing = {f.key() for f in before}
    return report(rules, day, (f for f in after if f.key() not in existing))


def summary(findings: Iterable[Finding]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for f in findings:
        counts[f.rule] = counts.get(f.rule, 0) + 1
    return dict(sorted(counts.items()))
