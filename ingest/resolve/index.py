"""The blocking index over persons: candidates come only from the same ID number, the same
name, or the same surname and birth month, so resolving one relative never scans everyone."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from graph import records as r
from graph.convert import node_to_model
from graph.model import Person
from graph.store.base import GraphStore
from ingest.resolve.features import Facts
from ingest.resolve.idnumber import clean_id, id_birth, id_gender
from ingest.resolve.text import name_key

DECLARED_BY = "lrmx:declared_by"
"""Person extra: the id of the person whose 家庭成员 list created this person."""
WORKPLACE = "lrmx:workplace"
"""Person extra: the 工作单位及职务 text declared for a relative."""
MERGED_INTO = "merged_into"
"""Person extra: the person this one was merged into (kept, never deleted)."""


def person_facts(person: Person, workplaces: Iterable[str] = ()) -> Facts:
    """The comparable facts of a graph person; birth and sex fall back on the ID number."""
    number = clean_id(person.id_number)
    birth = person.birth_date.replace(day=1) if person.birth_date else None
    texts = [*workplaces, *(person.extra[k] for k in (WORKPLACE, "lrmx:XianRenZhiWu")
                            if person.extra.get(k))]
    return Facts(name=person.name, id=person.id, id_number=number,
                 gender=person.gender or (id_gender(number) if number else None),
                 birth=birth or (id_birth(number) if number else None),
                 workplaces=tuple(dict.fromkeys(texts)),
                 family_derived=DECLARED_BY in person.extra,
                 merged_into=person.extra.get(MERGED_INTO))


def _blocks(facts: Facts) -> list[tuple[str, ...]]:
    keys: list[tuple[str, ...]] = [("name", name_key(facts.name))]
    if facts.id_number:
        keys.append(("id", facts.id_number))
    if facts.birth and facts.name:
        keys.append(("surname+birth", name_key(facts.name)[:1], facts.birth.isoformat()[:7]))
    return keys


class PersonIndex:
    """Facts by person id, and the blocks each person is filed under."""

    def __init__(self) -> None:
        self.facts: dict[str, Facts] = {}
        self._blocks: dict[tuple[str, ...], set[str]] = defaultdict(set)

    def add(self, facts: Facts) -> None:
        """File (or re-file) a person; `facts.id` must be set."""
        assert facts.id is not None
        self.discard(facts.id)
        self.facts[facts.id] = facts
        for key in _blocks(facts):
            self._blocks[key].add(facts.id)

    def discard(self, person_id: str) -> None:
        old = self.facts.pop(person_id, None)
        if old is not None:
            for key in _blocks(old):
                self._blocks[key].discard(person_id)

    def by_id_number(self, number: str) -> list[Facts]:
        return [self.facts[i] for i in sorted(self._blocks.get(("id", number), ()))]

    def candidates(self, query: Facts) -> list[Facts]:
        """Persons sharing a block with `query` (itself and merged persons left out)."""
        ids: set[str] = set()
        for key in _blocks(query):
            ids |= self._blocks.get(key, set())
        found = (self.facts[i] for i in sorted(ids) if i != query.id)
        return [f for f in found if f.merged_into is None]

    @classmethod
    def from_store(cls, store: GraphStore) -> PersonIndex:
        """Every person in the store, with the units and titles of their current posts as
        workplace texts."""
        posts = {n.key: n.props for n in store.scan_nodes("Post")}
        units = {n.key: n.props for n in store.scan_nodes("Unit")}
        work: dict[str, list[str]] = defaultdict(list)
        for edge in store.scan_edges(r.HOLDS):
            post = posts.get(edge.target)
            if post is None or edge.props.get("valid_to") is not None:
                continue
            unit = units.get(f"unit/{post.get('unit_id')}", {})
            work[edge.source].append(f"{unit.get('name', '')}{post.get('title', '')}")
        index = cls()
        for node in store.scan_nodes("Person"):
            person = node_to_model(node)
            if isinstance(person, Person):
                index.add(person_facts(person, work.get(node.key, ())))
        return index
