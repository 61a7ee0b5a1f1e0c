"""Source facts: the same personal fact as different sources record it (part of
RECORD-MISMATCH: 三龄两历一身份, seed 003).

A `FactSource` yields `SourceFact`s - a person's birth month, work start, party entry or
education as one source records it. `RosterFacts` reads them from the person nodes of the
graph (party entry from an extra column `入党时间`/`party_entry`/`RuDangShiJian`);
`MarkedFacts` reads what a loader recorded where another source disagreed with the graph
(`extra["mismatch:<field>"] = "<graph value> vs <other value> (<source>)"`, as the LRMX
任免审批表 loader writes it); `StaticFacts` holds facts another reader produced. Adding a
source means writing a class with a `name` and a `facts(person_ids)` method;
`fact_discrepancies` compares whatever the sources yield, after normalising months to
`YYYY-MM` and a few education spellings.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from typing import Literal, Protocol

from graph.convert import node_to_model
from graph.ids import node_key
from graph.model import Person
from graph.store.base import GraphStore
from ingest.lrmx.dates import month_or_none
from queries.findings import Evidence
from queries.supervision.spells import Discrepancy

FactField = Literal["birth_month", "work_start", "party_entry", "education"]
FIELD_ZH: dict[str, str] = {"birth_month": "出生年月", "work_start": "参加工作时间",
                            "party_entry": "入党时间", "education": "学历"}
FIELDS: dict[str, FactField] = {"birth_month": "birth_month", "work_start": "work_start",
                                 "party_entry": "party_entry", "education": "education"}
MONTH_FIELDS = ("birth_month", "work_start", "party_entry")
PARTY_ENTRY_COLUMNS = ("party_entry", "入党时间", "RuDangShiJian")
MARK = "mismatch:"
_MARKED = re.compile(r"^(?P<graph>.*?) vs (?P<other>.*) \((?P<source>[^()]*)\)$")
EDUCATION_ALIASES = {"本科": "大学", "大学本科": "大学", "大学学历": "大学",
                     "硕士研究生": "研究生", "博士研究生": "研究生", "硕士": "研究生",
                     "博士": "研究生", "大学专科": "大专", "专科": "大专"}


@dataclass(frozen=True)
class SourceFact:
    person_id: str
    field: FactField
    value: str
    source: str
    """Which source says so: `roster`, `lrmx:<file>` ..."""
    ref: str | None = None
    """A graph node/edge id or a document reference the value was read from."""


class FactSource(Protocol):
    name: str

    def facts(self, person_ids: Collection[str] | None) -> Iterable[SourceFact]:
        """Facts about these people (everyone the source knows when None)."""
        ...


def normalise(fact_field: str, value: str) -> str:
    text = value.strip()
    if fact_field in MONTH_FIELDS:
        month = month_or_none(text)
        return month.strftime("%Y-%m") if month else text
    return EDUCATION_ALIASES.get(text, text)


class RosterFacts:
    """The facts on the person nodes of the graph (the roster's persons.csv)."""

    name = "roster"

    def __init__(self, store: GraphStore) -> None:
        self.store = store

    def facts(self, person_ids: Collection[str] | None) -> Iterator[SourceFact]:
        for person in persons_of(self.store, person_ids):
            yield from self._of(person)

    def _of(self, p: Person) -> Iterator[SourceFact]:
        ref = node_key("Person", p.id)
        party = next((p.extra[c] for c in PARTY_ENTRY_COLUMNS if p.extra.get(c)), None)
        values: list[tuple[FactField, str | None]] = [
            ("birth_month", p.birth_date.isoformat() if p.birth_date else None),
            ("work_start", p.work_start.isoformat() if p.work_start else None),
            ("party_entry", party), ("education", p.education)]
        for fact_field, value in values:
            if value:
                yield SourceFact(p.id, fact_field, value, self.name, ref)


class MarkedFacts:
    """The other source's side of the disagreements a loader marked on person nodes. The
    graph's side is not taken from the mark but from `RosterFacts`, so a corrected roster
    ends the finding."""

    name = "marked"

    def __init__(self, store: GraphStore) -> None:
        self.store = store

    def facts(self, person_ids: Collection[str] | None) -> Iterator[SourceFact]:
        for person in persons_of(self.store, person_ids):
            for key, text in sorted(person.extra.items()):
                found = _MARKED.match(text.strip())
                fact_field = FIELDS.get(key.removeprefix(MARK))
                if key.startswith(MARK) and found and fact_field:
                    yield SourceFact(person.id, fact_field, found["other"], found["source"],
                                     node_key("Person", person.id))


def persons_of(store: GraphStore, person_ids: Collection[str] | None) -> Iterator[Person]:
    nodes = (store.scan_nodes("Person") if person_ids is None else
             store.nodes(sorted(node_key("Person", p) for p in person_ids)).values())
    for node in nodes:
        person = node_to_model(node)
        if isinstance(person, Person):
            yield person


class StaticFacts:
    """Facts produced elsewhere and handed over in memory."""

    def __init__(self, name: str, facts: Iterable[SourceFact]) -> None:
        self.name = name
        self._facts = list(facts)

    def facts(self, person_ids: Collection[str] | None) -> list[SourceFact]:
        return [f for f in self._facts if person_ids is None or f.person_id in person_ids]


def fact_discrepancies(facts: Iterable[SourceFact]) -> Iterator[Discrepancy]:
    """One discrepancy per person and field whose sources give different values."""
    grouped: dict[tuple[str, str], list[SourceFact]] = defaultdict(list)
    for f in facts:
        grouped[(f.person_id, f.field)].append(f)
    for (person_id, fact_field), found in sorted(grouped.items()):
        values = {normalise(fact_field, f.value) for f in found}
        if len(values) < 2:
            continue
        said = "；".join(f"{f.source}：{f.value}" for f in sorted(found, key=lambda f: f.source))
        evidence = tuple(Evidence(kind="node", id=f.ref, type="Person", label=f.source)
                         for f in found if f.ref and f.ref.startswith("person/"))
        yield Discrepancy(person_id, fact_field,
                          f"{FIELD_ZH[fact_field]}各来源不一致（{said}）", evidence=evidence)
