"""From the due list to the optimisation problem: who may go where, and what may not combine.

Cheap checks screen every (mover, post) pair; the survivors go through the batched avoidance
what-if. A conflict with a kin's current post is deferred when that kin is a mover too (the
assignment then requires the kin to move); pairs of assignments of two moved kin are judged
together and forbidden when the pair would conflict.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from graph.store.base import GraphStore
from queries.ranks import level
from queries.rotation.avoid import AvoidanceIndex, Key
from queries.rotation.eligibility import Check, cheap_checks
from queries.rotation.facts import Facts
from queries.rotation.fit import Fit, fit
from queries.rotation.scope import not_both_groups
from queries.rotation.solver import Option, Problem

PLANNED_HEADCOUNT = Check(rule="HEADCOUNT", ok=True, detail="职数由方案统筹（调入不超过空出）")


@dataclass
class Setup:
    facts: Facts
    movers: list[str]
    weight: dict[str, int]
    locked_posts: set[str]
    avoiding: set[str]
    must: set[tuple[str, str]] = field(default_factory=set)
    options: list[Option] = field(default_factory=list)
    checks: dict[int, list[Check]] = field(default_factory=dict)
    fits: dict[int, Fit] = field(default_factory=dict)
    rejected: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    failures: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    problem: Problem | None = None

    def option_of(self, person: str, post: str) -> int | None:
        return next((i for i, o in enumerate(self.options)
                     if o.person == person and o.post == post), None)


def targets(facts: Facts, movers: Iterable[str], extra: Iterable[str],
            locked_posts: set[str]) -> list[str]:
    """Vacant posts, the movers' posts and explicitly wanted ones, minus locked posts."""
    found = {p for p in facts.snap.posts if facts.vacancy(p) > 0}
    found |= {p for m in movers for p in facts.current_posts(m)}
    return sorted((found | set(extra)) - locked_posts)


def _rank_ok(facts: Facts, person: str, post: str, forced: bool) -> bool:
    """Lateral or up within the rule set's limit. The planner never guesses: unknown ranks
    are out unless the assignment is asked for (`must`, e.g. a person without a current
    post)."""
    mine, target = facts.current_level(person), level(facts.post(post).rank)
    if not mine or not target:
        return forced
    return facts.in_rank_window(mine, target)


def add_options(setup: Setup, index: AvoidanceIndex, posts: list[str],
                forbid: set[tuple[str, str]], due_rules: dict[str, frozenset[str]],
                requires: list[tuple[int, str]], per_person: int = 0) -> None:
    """Options of every mover. With `per_person`, only the best-scoring that many posts
    (after the cheap screen, ties by post ID) go on to the avoidance check and into the
    model; `must` posts always do."""
    facts, movable = setup.facts, set(setup.movers)
    for person in setup.movers:
        own = set(facts.current_posts(person))
        screened: list[tuple[int, str, list[Check], Fit]] = []
        for post in posts:
            if post in own:
                continue
            found = _screen(setup, person, post, forbid, due_rules)
            if isinstance(found, tuple):
                screened.append((-found[1].score, post, *found))
            else:
                setup.rejected[person].update(found)
                setup.failures[(person, post)] = found
        kept = 0
        for _, post, checks, grade in sorted(screened, key=lambda s: (s[0], s[1])):
            always = (person, post) in setup.must
            if not always and per_person and kept >= per_person:
                continue
            why = _admit(setup, index, person, post, checks, grade, movable, requires)
            if why:
                setup.rejected[person].update(why)
                setup.failures[(person, post)] = why
            elif not always:
                kept += 1


def _screen(setup: Setup, person: str, post: str, forbid: set[tuple[str, str]],
            due_rules: dict[str, frozenset[str]]) -> tuple[list[Check], Fit] | list[str]:
    """The cheap checks and the fit, or the rule IDs that exclude the assignment."""
    facts = setup.facts
    if (person, post) in forbid:
        return ["FORBID"]
    if not _rank_ok(facts, person, post, (person, post) in setup.must):
        return ["RANK-MATCH"]
    checks = [c for c in cheap_checks(facts, person, post, open_after=True,
                                      due_rules=due_rules.get(person, frozenset()))
              if c.rule != "HEADCOUNT"]
    blocked = [c.rule for c in checks if c.blocking]
    if blocked:
        return blocked
    checks.append(PLANNED_HEADCOUNT)
    return checks, fit(facts, person, post, checks, avoidance=person in setup.avoiding)


def _admit(setup: Setup, index: AvoidanceIndex, person: str, post: str, checks: list[Check],
           grade: Fit, movable: set[str], requires: list[tuple[int, str]]) -> list[str]:
    """The avoidance what-if; adds the option when it passes, else returns the rule IDs.
    A conflict with a kin's current post is deferred when the kin may move too."""
    needs: set[str] = set()
    for f in index.blockers({person: [post]}):
        others = set(f.persons) - {person}
        if not others or not others <= movable:
            return [f.rule]
        needs |= others
    i = len(setup.options)
    setup.options.append(Option(person, post, grade.score))
    setup.checks[i] = [*checks, Check(rule="AVOIDANCE", ok=True, detail="不产生新的回避情形")]
    setup.fits[i] = grade
    requires.extend((i, other) for other in sorted(needs))
    return []


def pair_conflicts(setup: Setup, index: AvoidanceIndex) -> list[tuple[int, int]]:
    """Pairs of assignments of two moved kin that would conflict with each other."""
    by_person: dict[str, list[int]] = defaultdict(list)
    for i, o in enumerate(setup.options):
        by_person[o.person].append(i)
    out = []
    for p in sorted(by_person):
        for q in sorted(index.kin_of(p)):
            if q <= p or q not in by_person:
                continue
            for i in by_person[p]:
                for j in by_person[q]:
                    if not index.related(setup.options[i].post, setup.options[j].post):
                        continue
                    placed = {p: [setup.options[i].post], q: [setup.options[j].post]}
                    if any({p, q} <= set(f.persons) for f in index.blockers(placed)):
                        out.append((i, j))
    return out


def responsible_keys(findings: Iterable[tuple[Key, str | None, list[str]]]
                     ) -> dict[str, set[Key]]:
    out: dict[str, set[Key]] = defaultdict(set)
    for key, mover, persons in findings:
        for p in [mover] if mover else persons:
            out[p].add(key)
    return out


def build_problem(store: GraphStore, setup: Setup, posts: list[str],
                  forbid: set[tuple[str, str]], due_rules: dict[str, frozenset[str]],
                  responsible: dict[str, set[Key]], per_person: int = 0) -> AvoidanceIndex:
    """Fills `setup.options` and `setup.problem`; returns the avoidance index it used."""
    facts = setup.facts
    index = AvoidanceIndex(store, facts, setup.movers, responsible)
    requires: list[tuple[int, str]] = []
    add_options(setup, index, posts, forbid, due_rules, requires, per_person)
    holds: dict[str, list[str]] = defaultdict(list)
    for m in setup.movers:
        for p in facts.current_posts(m):
            holds[p].append(m)
    setup.problem = Problem(
        options=setup.options, weight=setup.weight,
        free={p: facts.vacancy(p) for p in {*posts, *holds}}, holds=dict(holds),
        requires=requires, conflicts=pair_conflicts(setup, index),
        not_both=not_both_groups(facts, setup.movers))
    return index
