"""家庭成员 Items -> persons and kinship records, each relative resolved.

A relative is: the person holding the same ID number (when the Item carries a
`ShenFenZheng`); a person an earlier decision merged them into; the one person matching
confidently (merged automatically, recorded); else a person of their own, with id the ID
number or `rel-…` derived from the declaring person and the Item (so re-loading creates no
duplicate). Uncertain matches are queued for review and the relative is marked
`provisional` with a `review` text. The kinship record carries every Item field as written
(`lrmx:<Tag>`), its position (`lrmx:item`) and its element (`lrmx:element`), so the form can
be written back; its `relation` is the 称谓 (`未填称谓` when the Item has none).
"""

from __future__ import annotations

from graph.ids import record_id
from graph.model import Kinship, Person
from ingest.lrmx.record import FAMILY_TAGS, FamilyMember, LrmxRecord
from ingest.lrmx.state import LoadState
from ingest.lrmx.tally import FAMILY, loaded
from ingest.lrmx.validate import item_path, member_items
from ingest.resolve.features import Facts
from ingest.resolve.idnumber import clean_id
from ingest.resolve.index import DECLARED_BY, WORKPLACE
from ingest.resolve.relations import gender_of_relation
from ingest.resolve.resolver import resolve
from ingest.resolve.text import name_key

NO_RELATION = "未填称谓"
_ID_TAGS = ("ShenFenZheng", "ShenFenZhengHao", "GongMinShenFenHaoMa")


def item_id_number(record: LrmxRecord, element: str) -> str | None:
    """An ID number written in an extra child element of the Item, if any."""
    return next((clean_id(e.text) for e in record.extra
                 if e.parent == element and e.tag in _ID_TAGS and clean_id(e.text)), None)


def member_facts(member: FamilyMember, pid: str, number: str | None) -> Facts:
    work = (member.unit_and_post,) if member.unit_and_post else ()
    return Facts(name=member.name.strip(), gender=gender_of_relation(member.relation),
                 birth=member.birth_month, id_number=number, workplaces=work, id=pid,
                 family_derived=True)


def member_person(member: FamilyMember, facts: Facts, declarer: str, where: str) -> Person:
    extra = {DECLARED_BY: declarer, "lrmx:source": where}
    if member.unit_and_post and member.unit_and_post.strip():
        extra[WORKPLACE] = member.unit_and_post.strip()
    assert facts.id is not None
    return Person(id=facts.id, name=facts.name, gender=facts.gender, birth_date=facts.birth,
                  id_number=facts.id_number, party=(member.political_status or "").strip()
                  or None, extra=extra)


def member_kinship(member: FamilyMember, declarer: str, relative: str, position: int,
                   element: str, source: str) -> Kinship:
    extra = {"lrmx:source": source, "lrmx:element": element, "lrmx:item": str(position)}
    extra |= {f"lrmx:{tag}": value for tag, attr in FAMILY_TAGS.items()
              if (value := getattr(member, attr)) is not None}
    relation = (member.relation or "").strip() or NO_RELATION
    return Kinship(person_id=declarer, relative_id=relative, relation=relation, extra=extra)


def _context(record: LrmxRecord, declarer: Person, member: FamilyMember,
             element: str) -> dict[str, str]:
    return {"文件": record.source, "元素": element, "申报人": f"{declarer.name}（{declarer.id}）",
            "称谓": member.relation or "", "姓名": member.name,
            "出生年月": member.birth_raw or "", "工作单位及职务": member.unit_and_post or ""}


def load_family(state: LoadState, record: LrmxRecord, declarer: Person) -> None:
    used = {declarer.id}
    numbers = member_items(record)
    for position, (member, number) in enumerate(zip(record.family, numbers, strict=True), 1):
        element = item_path(number)
        id_number = item_id_number(record, element)
        pid = id_number or record_id("rel", declarer.id, name_key(member.name),
                                     member.relation, member.birth_raw)
        facts = member_facts(member, pid, id_number)
        found = resolve(facts, state.index, state.book, exclude=used)
        known = found.person_id if found.outcome in ("id_number", "decided") else None
        relative = known or pid
        if known is None:
            where = f"{record.source} {element}"
            state.persons[pid] = member_person(member, facts, declarer.id, where)
            state.index.add(facts)
            context = _context(record, declarer, member, element)
            auto = found.outcome == "confident" and not state.book.open_for(pid)
            for match in found.candidates[:1] if auto else found.candidates:
                state.propose(pid, match.person_id, match, kind="relative", auto=auto,
                              context=context)
        used.add(state.book.final(relative))
        state.put(state.kinship, member_kinship(member, declarer.id, relative, position,
                                                element, record.source))
        loaded(state.report, FAMILY)
