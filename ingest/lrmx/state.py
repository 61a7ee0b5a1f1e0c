"""What one LRMX load accumulates: the records to write (combined with what the graph already
holds under the same ids), the person index, the decisions and the report."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal, TypeVar

from graph import records as r
from graph.bulk import batches
from graph.convert import edge_to_model, node_to_model
from graph.ids import node_key
from graph.model import Assessment, Bundle, Holding, Kinship, Person, Record, Training
from graph.records import EdgeRecord
from graph.store.base import GraphStore
from ingest.lrmx.catalog import Catalog
from ingest.report import LoadReport
from ingest.resolve.book import Book, Candidate
from ingest.resolve.features import MatchScore
from ingest.resolve.index import PersonIndex
from ingest.resolve.merge import LARGE, combine
from ingest.resolve.resolver import candidate

R = TypeVar("R", Holding, Kinship, Assessment, Training)
_TYPES = [r.HOLDS, r.KIN, r.ASSESSED, r.TRAINED]


@dataclass
class LoadState:
    store: GraphStore
    index: PersonIndex
    book: Book
    catalog: Catalog
    actor: str
    report: LoadReport = field(default_factory=LoadReport)
    persons: dict[str, Person] = field(default_factory=dict)
    holdings: dict[str, Holding] = field(default_factory=dict)
    kinship: dict[str, Kinship] = field(default_factory=dict)
    assessments: dict[str, Assessment] = field(default_factory=dict)
    trainings: dict[str, Training] = field(default_factory=dict)
    merges: list[str] = field(default_factory=list)
    """Candidate ids accepted automatically, merged in this order after writing."""
    estimated: dict[tuple[str, str], str] = field(default_factory=dict)
    """(person, post) -> id of a current holding dated only by 填表时间 (see `career`)."""
    dated: set[tuple[str, str]] = field(default_factory=set)
    """(person, post) of current holdings dated by a 简历."""
    stale: list[str] = field(default_factory=list)
    """Ids of holdings in the graph superseded by this load (deleted after writing)."""
    known: dict[str, Record] = field(default_factory=dict)
    looked: set[str] = field(default_factory=set)
    in_graph: dict[str, Person] = field(default_factory=dict)

    def person(self, person_id: str) -> Person | None:
        """The person as this load has it, else as the graph has it."""
        if person_id in self.persons:
            return self.persons[person_id]
        self.look([person_id])
        return self.in_graph.get(person_id)

    def look(self, person_ids: list[str]) -> None:
        """Fetch the persons and the relation records the graph holds for them (once each;
        in batches, so loading many forms costs few round trips)."""
        wanted = [i for i in dict.fromkeys(person_ids) if i not in self.looked]
        for chunk in batches(wanted, 1000):
            self._look([node_key("Person", i) for i in chunk])
        self.looked.update(wanted)

    def _look(self, keys: list[str]) -> None:
        for node in self.store.nodes(keys).values():
            person = node_to_model(node)
            if isinstance(person, Person):
                self.in_graph[person.id] = person
        attached: list[str] = []
        for key, around in self.store.expand(keys, _TYPES, None, LARGE).items():
            for edge in around.edges:
                model = edge_to_model(edge)
                if model is not None and edge.source == key:
                    self.known[model.id] = model
                    if isinstance(model, Holding) and model.end is None:
                        self.current(model)
                elif edge.type in (r.ASSESSED, r.TRAINED) and edge.source == key:
                    attached.append(edge.target)
        for node in self.store.nodes(attached).values():
            item = node_to_model(node)
            if isinstance(item, Assessment | Training):
                self.known[item.id] = item

    def current(self, held: Holding) -> None:
        """Note a current holding: dated by a 简历, or only by 填表时间."""
        pair = (held.person_id, held.post_id)
        if "start_from" in held.extra:
            if pair not in self.dated:
                self.estimated.setdefault(pair, held.id)
            elif held.id not in self.holdings:
                self.stale.append(held.id)  # in the graph, superseded by a dated one
            return
        self.dated.add(pair)
        estimate = self.estimated.pop(pair, None)
        if (estimate is not None and estimate != held.id
                and self.holdings.pop(estimate, None) is None):
            self.stale.append(estimate)

    def stale_edges(self) -> list[EdgeRecord]:
        """The graph's HOLDS edges of superseded estimated holdings."""
        found = [self.known[i] for i in self.stale]
        return [EdgeRecord(h.id, r.HOLDS, node_key("Person", h.person_id),
                           node_key("Post", h.post_id)) for h in found if isinstance(h, Holding)]

    def put(self, table: dict[str, R], item: R) -> R:
        """Add a record; one with the same id (in this load or the graph) keeps its own
        fields and gains the new extras."""
        prior: Record | None = table.get(item.id) or self.known.get(item.id)
        if isinstance(prior, type(item)):
            merged = combine(prior, item)
            assert isinstance(merged, type(item))
            item = merged
        table[item.id] = item
        return item

    def propose(self, source: str, target: str, match: MatchScore, *,
                kind: Literal["relative", "subject"], auto: bool,
                context: dict[str, str]) -> Candidate:
        """Record a candidate pair; an existing pair keeps its status and history."""
        cand = self.book.add(candidate(source, target, match, kind=kind, context=context))
        if cand.history:
            return cand
        if auto:
            cand.status, cand.auto, cand.merged_to = "accepted", True, target
            cand.record(self.actor, "auto_accepted", match.explain())
            self.merges.append(cand.id)
            facts = self.index.facts.get(source)
            if facts is not None:
                self.index.add(replace(facts, merged_into=target))
        else:
            cand.record(self.actor, "proposed", match.explain())
        return cand

    def bundle(self) -> Bundle:
        def ordered(table: dict[str, R]) -> list[R]:
            return [table[k] for k in sorted(table)]
        return Bundle(units=[self.catalog.new_units[k] for k in sorted(self.catalog.new_units)],
                      posts=[self.catalog.new_posts[k] for k in sorted(self.catalog.new_posts)],
                      persons=[self.persons[k] for k in sorted(self.persons)],
                      holdings=ordered(self.holdings), kinship=ordered(self.kinship),
                      assessments=ordered(self.assessments), trainings=ordered(self.trainings))
