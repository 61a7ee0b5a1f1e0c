"""Seeded random edits of a generated bundle that create avoidance situations on purpose.

A generated bundle is quiet by construction (only the planted conflicts), so agreeing on it
says little about extra findings. These edits add kinship between post holders who are close
in the organisation (same unit, superior and subordinate, regulator and enterprise) or not
close at all, with 称谓 in and outside rules.md §1 and with `since`/`until` dates on either
side of the audit date; acts (votes, inspections, recommendations) before and after the
kinship began and after the audit date; principals' 成长地 inside, next to and above their
jurisdiction; holdings ended before the audit date and new ones starting on it or after it.

Every added kinship edge joins two holders who had no kin among the relevant people before
and gets no other one, so each kin pair of the result is joined by a single declared edge
(the scope of `bruteforce`). People of planted conflicts are left alone. Kinship that ended
before the audit date also gets acts from while it lasted (judged by the act's date).
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from graph.model import Act, Bundle, Holding, Kinship, Person, Unit
from graph.vocab import ActRole, Gender, PostRole, UnitKind
from tests.queries.avoidance.bruteforce import (
    BUSINESS_DECLARER,
    BUSINESS_RELATIVE,
    KEY_ORGANS,
    LEADING,
    TOWNSHIP_ORGANS,
    Org,
    holders_on,
    inside,
    region_level,
)

M, F = Gender.M, Gender.F
SEXED: dict[str, tuple[Gender | None, Gender]] = {
    "妻子": (M, F), "丈夫": (F, M), "岳父": (M, M), "岳母": (M, F), "公公": (F, M),
    "婆婆": (F, F), "小舅子": (M, M), "连襟": (M, M), "大姑子": (F, F),
    **{t: (None, M) for t in ("父亲", "儿子", "孙子", "爷爷", "曾祖父", "哥哥", "弟弟", "堂兄",
                              "表哥", "侄子", "外甥", "叔叔", "舅舅", "姐夫", "妹夫", "女婿",
                              "再从兄弟", "堂叔", "堂侄", "表侄", "侄孙", "姻侄")},
    **{t: (None, F) for t in ("母亲", "女儿", "外孙女", "外婆", "姐姐", "妹妹", "堂妹", "表姐",
                              "侄女", "外甥女", "姑姑", "姨妈", "嫂子", "弟媳", "儿媳", "婶婶",
                              "侄媳", "孙媳")},
}
"""称谓 -> (the declarer's sex when the term needs one, the relative's sex)."""
ROLES = (ActRole.vote, ActRole.inspect, ActRole.recommend, ActRole.decide)


def _days(n: int) -> timedelta:
    return timedelta(days=n)


@dataclass
class _Edits:
    base: Bundle
    as_of: date
    rng: random.Random
    org: Org
    posts_of: dict[str, list[str]]
    free: list[str]
    free_set: set[str] = field(default_factory=set)
    used: set[str] = field(default_factory=set)
    persons: dict[str, Person] = field(default_factory=dict)
    units: dict[str, Unit] = field(default_factory=dict)
    holdings: list[Holding] = field(default_factory=list)
    kinship: list[Kinship] = field(default_factory=list)
    roles: list[Act] = field(default_factory=list)
    people: dict[str, Person] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.free_set = set(self.free)
        self.people = {p.id: p for p in self.base.persons}

    def person(self, pid: str) -> Person:
        return self.persons.get(pid) or self.people[pid]

    def usable(self, *pids: str) -> bool:
        return len(set(pids)) == len(pids) and all(
            p in self.free_set and p not in self.used for p in pids)

    def term(self, declarer: str, relative: str, among: frozenset[str] | None) -> str | None:
        """A 称谓 that fits both sexes (one of `among` when given and possible)."""
        sex_d, sex_r = self.person(declarer).gender, self.person(relative).gender
        terms = [t for t, (d, r) in SEXED.items() if r == sex_r and d in (None, sex_d)]
        if among is not None:
            terms = [t for t in terms if t in among] or terms
        return self.rng.choice(sorted(terms)) if terms else None

    def link(self, a: str, b: str, business: bool = False) -> None:
        """Make `a` and `b` kin (or not: some terms are outside §1), maybe with dates and an
        act between them. `business`: mostly so that `b` is `a`'s spouse, child or child's
        spouse."""
        if not self.usable(a, b):
            return
        declarer, relative = (a, b) if self.rng.random() < 0.5 else (b, a)
        among = None
        if business and self.rng.random() < 0.8:
            among = BUSINESS_RELATIVE if declarer == a else BUSINESS_DECLARER
        term = self.term(declarer, relative, among)
        if term is None:
            return
        self.used |= {a, b}
        since = until = None
        draw = self.rng.random()
        if draw < 0.2:
            since = self.as_of - _days(self.rng.randint(0, 900))
        elif draw < 0.3:
            since = self.as_of + _days(self.rng.randint(1, 400))
        elif draw < 0.4:
            since, until = self.as_of - _days(3000), self.as_of - _days(self.rng.randint(0, 400))
        self.kinship.append(Kinship(person_id=declarer, relative_id=relative, relation=term,
                                    since=since, until=until))
        if self.rng.random() < 0.6:
            self.act(*((a, b) if self.rng.random() < 0.5 else (b, a)), since)
        if self.rng.random() < 0.15:
            self.move_next_to(b, a)

    def act(self, actor: str, candidate: str, since: date | None) -> None:
        pick = self.rng.random()
        if since is not None and pick < 0.3:
            on = since - _days(self.rng.randint(1, 200))  # before the kinship began
        elif pick < 0.85:
            on = self.as_of - _days(self.rng.randint(0, 700))
        else:
            on = self.as_of + _days(self.rng.randint(1, 90))  # not done yet on the audit date
        post = self.rng.choice(self.posts_of[candidate])
        self.roles.append(Act(actor_id=actor, candidate_id=candidate,
                              role=self.rng.choice(ROLES), post_id=post, on=on))

    def move_next_to(self, mover: str, other: str) -> None:
        """A new holding for `mover` in a unit of `other`, starting on the audit date (so in
        force) or after it (not yet)."""
        unit = self.org.posts[self.rng.choice(self.posts_of[other])].unit_id
        posts = sorted(p.id for p in self.org.posts.values() if p.unit_id == unit)
        start = self.as_of + _days(self.rng.choice((0, 0, 30)))
        self.holdings.append(Holding(person_id=mover, post_id=self.rng.choice(posts),
                                     start=start))


def _pairs_in_units(ed: _Edits, count: int) -> None:
    by_unit: dict[str, list[str]] = defaultdict(list)
    for person in ed.free:
        for post in ed.posts_of[person]:
            by_unit[ed.org.posts[post].unit_id].append(person)
    units = sorted(u for u, people in by_unit.items() if len(people) >= 2)
    for _ in range(count):
        people = [p for p in by_unit[ed.rng.choice(units)] if ed.usable(p)]
        if len(people) >= 2:
            a, b = ed.rng.sample(people, 2)
            ed.link(a, b)


def _pairs_up_and_down(ed: _Edits, count: int) -> None:
    holders: dict[str, list[str]] = defaultdict(list)
    for person in ed.free:
        for post in ed.posts_of[person]:
            holders[post].append(person)
    steps = sorted((low, up) for low in holders for up in ed.org.superiors(low) if up in holders)
    for low, up in ed.rng.sample(steps, min(count, len(steps))):
        ed.link(ed.rng.choice(holders[low]), ed.rng.choice(holders[up]))


def _pick(ed: _Edits, people: list[str], roles: frozenset[PostRole]) -> str | None:
    """Mostly one of `people` who holds a post of `roles`, else anyone of them still free."""
    usable = [p for p in people if ed.usable(p)]
    fitting = [p for p in usable if any(ed.org.posts[q].role in roles for q in ed.posts_of[p])]
    pool = fitting if fitting and ed.rng.random() < 0.7 else usable
    return ed.rng.choice(pool) if pool else None


def _pairs_of_regulators(ed: _Edits, count: int) -> None:
    """Kin across a regulator and a unit it regulates: the existing ones, and new ones made by
    letting units with a free principal regulate an enterprise or an institution. Mostly the
    regulator's principal and a leader of the other unit, sometimes anyone there."""
    holders: dict[str, list[str]] = defaultdict(list)
    for person in ed.free:
        for post in ed.posts_of[person]:
            holders[ed.org.posts[post].unit_id].append(person)
    units = sorted(ed.org.units.values(), key=lambda u: u.id)
    targets = [u.id for u in units if u.kind in (UnitKind.enterprise, UnitKind.institution)
               and holders.get(u.id)]
    heads = {ed.org.posts[q].unit_id for p in ed.free for q in ed.posts_of[p]
             if ed.org.posts[q].role == PostRole.principal}
    regulators = [u for u in units if u.id in heads and u.kind not in (UnitKind.enterprise,)]
    for unit in ed.rng.sample(regulators, min(count, len(regulators))):
        extra = ed.rng.choice(targets)
        ed.units[unit.id] = unit.model_copy(update={"regulates": (*unit.regulates, extra)})
    for unit in units:
        for regulated in ed.units.get(unit.id, unit).regulates:
            head = _pick(ed, holders.get(unit.id, []), frozenset({PostRole.principal}))
            other = _pick(ed, holders.get(regulated, []), LEADING)
            if head is not None and other is not None:
                ed.link(head, other, business=True)


def _homes(ed: _Edits, keep: set[str], count: int) -> None:
    """Principals' 成长地: the jurisdiction, a region inside it, a neighbour or the region
    above; sometimes only a birthplace (the default), or a birthplace inside but a 成长地
    outside (the 成长地 wins). Mostly heads of the organs regional avoidance is about."""
    codes = sorted(r.code for r in ed.base.regions)
    organs = KEY_ORGANS | TOWNSHIP_ORGANS
    heads = sorted({(ed.org.units[ed.org.posts[post].unit_id].kind not in organs, person, post)
                    for person, posts in ed.posts_of.items() if person not in keep
                    for post in posts if ed.org.posts[post].role == PostRole.principal})
    key_heads = [h for h in heads if not h[0]]
    chosen = [*ed.rng.sample(key_heads, min(count, len(key_heads))),
              *ed.rng.sample(heads, min(count // 4, len(heads)))]
    for _, person, post in chosen:
        area = ed.org.units[ed.org.posts[post].unit_id].region_code
        if person in ed.persons or area is None or region_level(area) is None:
            continue
        within = [c for c in codes if inside(c, area)]
        outside = [c for c in codes if not inside(c, area) and c[:2] == area[:2]]
        home_in, home_out = ed.rng.choice(within), ed.rng.choice(outside or within)
        grew, born = ed.rng.choice(((home_in, None), (home_out, None), (None, home_in),
                                    (home_out, home_in), (home_in, home_out)))
        ed.persons[person] = ed.person(person).model_copy(
            update={"grew_up_in": grew, "birthplace": born})


def _endings(ed: _Edits, count: int) -> None:
    current = sorted((h for h in ed.base.holdings if h.end is None and h.person_id in ed.free),
                     key=lambda h: h.id)
    for h in ed.rng.sample(current, min(count, len(current))):
        end = ed.as_of - _days(ed.rng.choice((0, 1, 200)))  # `end` is exclusive: gone on as_of
        ed.holdings.append(Holding(person_id=h.person_id, post_id=h.post_id, start=h.start,
                                   end=max(end, h.start + _days(1)), method=h.method))


def mutate(base: Bundle, as_of: date, seed: int, keep: set[str]) -> Bundle:
    """The edits (a bundle to upsert over `base`) for the audit date `as_of`; the people in
    `keep` are not touched."""
    posts_of = holders_on(base, as_of)
    acting = {p for a in base.roles for p in (a.actor_id, a.candidate_id)}
    relevant = set(posts_of) | acting
    linked = {p for k in base.kinship if k.person_id in relevant and k.relative_id in relevant
              for p in (k.person_id, k.relative_id)}
    free = sorted(set(posts_of) - linked - keep)
    ed = _Edits(base, as_of, random.Random(seed), Org.of(base), posts_of, free)
    _pairs_of_regulators(ed, 20)
    _pairs_in_units(ed, 120)
    _pairs_up_and_down(ed, 80)
    for _ in range(40):
        a, b = ed.rng.sample(free, 2)
        ed.link(a, b)
    for person in ed.rng.sample(free, 8):  # acts on oneself
        ed.roles.append(Act(actor_id=person, candidate_id=person, role=ed.rng.choice(ROLES),
                            post_id=ed.posts_of[person][0], on=as_of - _days(10)))
    _homes(ed, keep, 60)
    _endings(ed, 30)
    return Bundle(regions=base.regions, units=list(ed.units.values()),
                  persons=list(ed.persons.values()),
                  holdings=ed.holdings, kinship=ed.kinship, roles=ed.roles)


def merged(base: Bundle, edits: Bundle) -> Bundle:
    """`base` after upserting `edits` (records with the same id are replaced)."""
    units = {u.id: u for u in base.units} | {u.id: u for u in edits.units}
    persons = {p.id: p for p in base.persons} | {p.id: p for p in edits.persons}
    holdings = {h.id: h for h in base.holdings} | {h.id: h for h in edits.holdings}
    kinship = {k.id: k for k in base.kinship} | {k.id: k for k in edits.kinship}
    roles = {a.id: a for a in base.roles} | {a.id: a for a in edits.roles}
    return base.model_copy(update={"units": list(units.values()),
                                   "persons": list(persons.values()),
                                   "holdings": list(holdings.values()),
                                   "kinship": list(kinship.values()),
                                   "roles": list(roles.values())})
