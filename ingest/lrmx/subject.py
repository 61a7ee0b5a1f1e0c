"""The form's own person: its id, combined with the graph's person, and matched against
relatives created from other forms.

Id: the person already holding this ID number (not merged away), else the ID number itself;
without a valid ID number, a content-derived id (`person_map.content_id`). Either follows
accepted merges. A relative created from someone's 家庭成员 list who is this person (a
cadre's wife with her own form) is merged into it when the match is confident, else queued
for review. A form without an ID number is never merged automatically: its matches with
other persons are queued for review (kind `subject`).
"""

from __future__ import annotations

from ingest.lrmx.errors import LrmxIssue
from ingest.lrmx.mismatch import combine_person
from ingest.lrmx.person_map import content_id, person_of
from ingest.lrmx.record import LrmxRecord
from ingest.lrmx.state import LoadState
from ingest.resolve.features import Facts, score
from ingest.resolve.idnumber import clean_id
from ingest.resolve.index import person_facts
from ingest.resolve.resolver import REVIEW_AT, confident, resolve


def subject_id(state: LoadState, record: LrmxRecord) -> tuple[str, str | None]:
    """(person id, ID number when valid)."""
    number = clean_id(record.id_number)
    if number is None:
        return state.book.final(content_id(record)), None
    hits = [f for f in state.index.by_id_number(number) if f.merged_into is None]
    best = sorted(hits, key=lambda f: (f.family_derived, f.id or ""))
    return state.book.final(best[0].id if best and best[0].id else number), number


def id_issue(record: LrmxRecord) -> list[LrmxIssue]:
    raw = record.id_number
    if raw and raw.strip() and clean_id(raw) is None:
        return [LrmxIssue(element="Person", field="ShenFenZheng", raw=raw, reason=(
            "身份证号格式不正确（应为18位且含有效出生日期），未用作人员编码；原文保留"))]
    return []


def _context(record: LrmxRecord, facts: Facts) -> dict[str, str]:
    return {"文件": record.source, "姓名": facts.name,
            "出生年月": record.birth_month_raw or "", "现任职务": record.current_post or ""}


def adopt_relatives(state: LoadState, me: Facts, record: LrmxRecord) -> None:
    """Relatives created from other forms who may be this person."""
    assert me.id is not None
    for other in state.index.candidates(me):
        if not other.family_derived or other.id is None or state.book.pair(other.id, me.id):
            continue
        match = score(other, me)
        if match is None or match.score < REVIEW_AT:
            continue
        auto = confident([match]) and not state.book.open_for(other.id)
        state.propose(other.id, me.id, match, kind="relative", auto=auto,
                      context={**_context(record, me), "来源": f"{other.id} 为他人申报的亲属"})


def load_subject(state: LoadState, record: LrmxRecord) -> str:
    pid, number = subject_id(state, record)
    fresh = person_of(record, pid, number)
    existing = state.person(pid)
    person = combine_person(existing, fresh, record) if existing else fresh
    state.persons[pid] = person
    before = state.index.facts.get(pid)
    facts = person_facts(person, before.workplaces if before else ())
    state.index.add(facts)
    adopt_relatives(state, facts, record)
    if number is None:
        for match in resolve(facts, state.index, state.book, exclude={pid}).candidates:
            other = state.index.facts[match.person_id]
            if not other.family_derived and not state.book.pair(pid, match.person_id):
                state.propose(pid, match.person_id, match, kind="subject", auto=False,
                              context=_context(record, facts))
    return pid
