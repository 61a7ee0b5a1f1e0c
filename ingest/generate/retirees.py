"""Former holders of the posts whose history must be complete: the standing committee and the
government's leaders (voters and deciders of past appointments) and the organisation
department (inspectors). People who have left: persons with ended holdings only."""

from __future__ import annotations

import itertools
import random

from ingest.generate.careers import Careers
from ingest.generate.dates import INF, days
from ingest.generate.entities import RANK, RETIREE, GPerson, GPost

HISTORY_YEARS = 32


def fill_history(careers: Careers, rng: random.Random) -> None:
    """Every gap since the horizon in a key post with one seat, and every key seat's time before
    its earliest holder, is filled by former holders."""
    horizon = careers.as_of - days(HISTORY_YEARS)
    spells: dict[int, list[tuple[int, int]]] = {}
    for s in careers.spells:
        spells.setdefault(s.post, []).append((s.start, s.end))
    keyed = [p for p in careers.posts if p.key]
    for post in sorted(keyed, key=lambda p: p.concurrent is not None):
        if post.leading:
            taken = sorted(spells.get(post.idx, []))
            if not taken:
                continue
            _fill(careers, post, horizon, taken[0][0], rng, exact=False)
            for (_, end), (start, _) in itertools.pairwise(taken):
                if end < start:
                    _fill(careers, post, end, start, rng, exact=True)
            continue
        for seat, taken_from in enumerate(post.seats):
            free = taken_from if taken_from < INF else careers.as_of - days(rng.uniform(0.1, 2))
            _fill(careers, post, horizon, free, rng, exact=False)
            post.seats[seat] = min(free, horizon)


def _fill(careers: Careers, post: GPost, since: int, until: int, rng: random.Random, *,
          exact: bool) -> None:
    """Former holders of `post` until `until`, from exactly `since` or from before it."""
    persons = careers.persons
    senior = RANK[post.rank] >= RANK["副处"]
    while until > since:
        start = until - days(rng.uniform(3, 7) if post.leading else rng.uniform(2, 6))
        if exact and start - since < days(2):
            start = since
        gender = "F" if rng.random() < (0.1 if senior else 0.35) else "M"
        top = 59.5 if gender == "M" or senior else 54.5
        age = rng.uniform(50, top) if post.leading else rng.uniform(35, top)
        person = GPerson(len(persons), gender, until - days(age), RETIREE)
        old = start < careers.as_of - days(20)
        person.education = rng.choice(("本科", "大专", "中专") if old else ("研究生", "本科"))
        person.party = "中共党员" if post.leading or rng.random() < 0.8 else "群众"
        person.ethnicity = "汉族" if rng.random() < 0.95 else "回族"
        persons.append(person)
        careers.add(person.idx, post.idx, start, until)
        until = start
