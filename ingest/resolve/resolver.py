"""Decide who a declared human is: the same ID number, an earlier accepted decision, a
confident explained match, an uncertain one (for review), or nobody known (a new person).

Confident means: score >= MERGE_AT, the same name written the same way, the same workplace,
no contradicting feature, and no other candidate of that name at or above REVIEW_AT. Anything
less is never merged without a reviewer: the pair goes to the review queue. Pairs with a
negative decision are skipped.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Literal

from ingest.resolve.book import Book, Candidate, pair_id
from ingest.resolve.features import Facts, MatchScore, score
from ingest.resolve.index import PersonIndex

MERGE_AT = 0.9
REVIEW_AT = 0.6
Outcome = Literal["id_number", "decided", "confident", "uncertain", "new"]


@dataclass
class Resolution:
    outcome: Outcome
    person_id: str | None
    """The person the human is (None for `uncertain` and `new`: the caller's own id)."""
    candidates: list[MatchScore] = field(default_factory=list)
    """Scored candidates at or above REVIEW_AT, best first."""


def _agrees(match: MatchScore, feature: str) -> bool:
    return any(f.feature == feature and f.similarity == 1.0 for f in match.features)


def confident(found: list[MatchScore]) -> bool:
    """The best of `found` (sorted, best first) may be merged without a reviewer: it is
    decided by an ID number, or the name is written the same, the workplace agrees (the same
    text, or one containing the other: a similar text such as 第一中学 / 第二中学 is a guess),
    nothing contradicts, and no other candidate of the same name reaches REVIEW_AT."""
    best = found[0]
    if _agrees(best, "id_number"):
        return True
    runner_up = max((m.score for m in found[1:] if _agrees(m, "name")), default=0.0)
    return (best.score >= MERGE_AT and _agrees(best, "name") and _agrees(best, "workplace")
            and not best.contradicted and runner_up < REVIEW_AT)


def resolve(query: Facts, index: PersonIndex, book: Book, *,
            exclude: Collection[str] = ()) -> Resolution:
    """Who `query` is. `exclude`: persons it cannot be (the declaring person, the other
    members of the same form)."""
    if query.id and book.merged_target(query.id):
        return Resolution("decided", book.final(query.id))
    if query.id_number:
        hits = [f for f in index.by_id_number(query.id_number)
                if f.id not in exclude and f.id != query.id]
        if hits:
            best = sorted(hits, key=lambda f: (f.family_derived, f.id or ""))[0]
            assert best.id is not None
            match = score(query, best)
            return Resolution("id_number", book.final(best.id), [match] if match else [])
    found: list[MatchScore] = []
    for other in index.candidates(query):
        if other.id in exclude or (query.id and book.negative(query.id, other.id or "")):
            continue
        match = score(query, other)
        if match is not None and match.score >= REVIEW_AT:
            found.append(match)
    found.sort(key=lambda m: (-m.score, m.person_id))
    if not found:
        return Resolution("new", None)
    if confident(found):
        return Resolution("confident", found[0].person_id, found)
    return Resolution("uncertain", None, found)


def candidate(source: str, target: str, match: MatchScore, *, kind: Literal[
        "relative", "subject"], context: dict[str, str]) -> Candidate:
    """A new pending pair (the caller records who proposed it)."""
    return Candidate(id=pair_id(source, target), source=source, target=target, kind=kind,
                     score=match.score, features=match.features, context=context)
