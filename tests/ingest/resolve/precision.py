"""Entity-resolution precision and recall on generated data, where the truth is known.

Shared by `test_precision_generated` and `bench.ingest_bench`. The procedure:

1. `generate` a roster bundle; the graph gets its cadres only (`cadre_roster`: every person
   who holds or held a post, with the units, posts, regions, holdings, roles (unless
   `roles=False`), assessments, trainings and the kinship among them): the roster an
   organisation department keeps;
2. `write_forms`: one `.lrmx` form for each of a sample of current cadres (those with a cadre
   relative first, then others, in random order): the subject as `export_lrmx` writes it
   from that graph (with its ID number), and a 家庭成员 list of what the cadre declares in the
   bundle's kinship, each Item WITHOUT an ID number: 称谓, 姓名, 出生年月 (`YYYY.MM`, as the
   exporter writes months), 政治面貌 and 工作单位及职务. A relative who is a cadre is written
   with their current posts as the exporter labels them (unit name + title, joined by 、); a
   relative outside the roster gets one text of their own (the same on every form declaring
   them): 退休, 已去世, 务农, 个体经营, 学生 or a job in their home county;
3. decoys: on a share of the forms one more Item (表哥, 堂妹 ...) for someone outside the
   graph who has a cadre's name and sex, in turn: `name_month_no_post` (the cadre's birth
   month too, 务农 / 个体经营), `name_month_other_unit` (birth month too, the label of a
   current post in another unit), `name_year_same_post` (the birth year but another month,
   the cadre's own workplace text). With `twins="undeclared"` (the default) the cadre is
   nobody's declared relative in these forms; with `twins="any"` a decoy may also be the
   namesake of a true duplicate, which then meets two candidates and waits for review (the
   resolver merges only when no other candidate reaches REVIEW_AT) — decoys are far denser
   here than namesakes born in the same month are in life, so that variant bounds recall
   from below rather than estimating it;
4. `measure`, after `load_lrmx`: each Item's relative is the person created for it (its
   `lrmx:source` is the file and the Item path), followed through accepted merges in the
   decisions file. Outcomes: `merged_correctly` (merged into a person who is the same human),
   `merged_wrongly` (a false merge), `queued_truth` (waits for review, the right person among
   the candidates), `queued_other` (waits for review with others only), `new` (created with no
   candidate). The declarer's kinship in the graph must point at the final person.

A true duplicate is an Item whose human is in the graph (group `in_graph`); it is found when
its final person is that graph person. precision = correct merges / all merges over every
Item; recall = true duplicates found / true duplicates. Items of humans outside the graph
(`outside`) may correctly merge with another Item of the same human in the same load.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from time import perf_counter
from typing import Literal

from graph import ops
from graph.convert import edge_to_model, node_to_model
from graph.model import Bundle, Kinship, Person
from graph.records import KIN
from graph.store.base import GraphStore
from graph.store.embedded import EmbeddedStore
from graph.vocab import Gender
from ingest.generate import generate
from ingest.lrmx import FamilyMember, parse_lrmx, write_lrmx
from ingest.lrmx.export import export_lrmx, form_month, form_post
from ingest.lrmx.load import load_lrmx
from ingest.lrmx.validate import item_path
from ingest.resolve.book import Book
from ingest.resolve.index import DECLARED_BY
from ingest.roster.load import read_bundle

AS_OF = date(2026, 1, 1)
"""The generator's default `as_of`: current posts and ages are taken on this day."""
OUTCOMES = ("merged_correctly", "merged_wrongly", "queued_truth", "queued_other", "new")
IN_GRAPH, OUTSIDE = "in_graph", "outside"
DECOYS = ("name_month_no_post", "name_month_other_unit", "name_year_same_post")
_DECOY_TERMS = {Gender.M: ("表哥", "表弟", "堂兄", "堂弟"),
                Gender.F: ("表姐", "表妹", "堂姐", "堂妹")}
Twins = Literal["undeclared", "any"]
"""Which cadres a decoy may be the namesake of (see the module docstring)."""
_JOBS = ("人民医院医生", "第一中学教师", "农村信用合作社职员", "供电公司职工", "中心小学教师")


@dataclass(frozen=True)
class ItemTruth:
    """One 家庭成员 Item written, and the human it stands for."""

    source: str
    """The file name (as `load_lrmx` names it)."""
    number: int
    """The Item's position (1-based)."""
    declarer: str
    truth: str
    """The human: a bundle person id, or `decoy-<n>`."""
    group: str
    """`in_graph`, `outside`, or a decoy kind."""


@dataclass
class Forms:
    directory: Path
    files: list[str]
    items: list[ItemTruth]
    roster_ids: frozenset[str]


@dataclass
class Scenario:
    bundle_dir: Path
    roster: Bundle
    forms: Forms


def cadre_roster(bundle: Bundle, *, roles: bool = True) -> Bundle:
    """The bundle restricted to persons who hold or held a post, and their records (without
    the procedure acts when `roles` is false: resolution never reads them)."""
    ids = {h.person_id for h in bundle.holdings}
    return bundle.model_copy(update={
        "persons": [p for p in bundle.persons if p.id in ids],
        "kinship": [k for k in bundle.kinship if k.person_id in ids and k.relative_id in ids],
        "roles": [a for a in bundle.roles
                  if roles and a.actor_id in ids and a.candidate_id in ids],
        "assessments": [a for a in bundle.assessments if a.person_id in ids],
        "trainings": [t for t in bundle.trainings if t.person_id in ids]})


def current_posts(bundle: Bundle) -> dict[str, list[tuple[str, str]]]:
    """Person id -> (unit id, label) of each current post (not ended), in the exporter's
    order (by start, then post id), labelled as `export_lrmx` writes them (`form_post`)."""
    posts = {p.id: p for p in bundle.posts}
    units = {u.id: u for u in bundle.units}
    held: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for h in sorted(bundle.holdings, key=lambda h: (h.person_id, h.start, h.post_id)):
        if h.end is None:
            post = posts[h.post_id]
            held[h.person_id].append((post.unit_id, form_post(post, units)))
    return dict(held)


def _age(day: date | None) -> float | None:
    return None if day is None else (AS_OF - day).days / 365.2425


def own_workplace(person: Person, regions: dict[str, str], seed: int) -> str:
    """The 工作单位及职务 of a relative outside the roster: one text per person."""
    rng = random.Random(f"{seed}/{person.id}")
    age = _age(person.birth_date)
    if age is None or age >= 60:
        return "已去世" if rng.random() < 0.3 else "退休"
    if age < 23:
        return "学生"
    roll = rng.random()
    if roll < 0.3:
        return "务农"
    if roll < 0.45:
        return "个体经营"
    home = regions.get((person.birthplace or "")[:6]) or regions.get(
        (person.native_place or "")[:6], "")
    return f"{home}{rng.choice(_JOBS)}"


def member(person: Person, relation: str, work: str) -> FamilyMember:
    return FamilyMember(relation=relation, name=person.name,
                        birth_raw=form_month(person.birth_date),
                        political_status=person.party or "群众", unit_and_post=work)


@dataclass
class _Writer:
    """What building the forms needs about the bundle."""

    bundle: Bundle
    roster_ids: frozenset[str]
    seed: int
    rng: random.Random
    persons: dict[str, Person] = field(default_factory=dict)
    held: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    regions: dict[str, str] = field(default_factory=dict)
    declared: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    twins: list[str] = field(default_factory=list)
    """The cadres a decoy may share a name with."""
    decoys: int = 0

    def __post_init__(self) -> None:
        self.persons = {p.id: p for p in self.bundle.persons}
        self.held = current_posts(self.bundle)
        self.regions = {r.code: r.name for r in self.bundle.regions}
        declared: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for k in self.bundle.kinship:
            declared[k.person_id].append((k.relative_id, k.relation))
        self.declared = dict(declared)

    def sample(self, files: int) -> list[str]:
        """Current cadres with a cadre relative first, then the others; shuffled."""
        declarers = sorted(d for d in self.declared if d in self.held)
        linked = [d for d in declarers if any(r in self.roster_ids for r, _ in self.declared[d])]
        others = sorted(set(declarers) - set(linked))
        self.rng.shuffle(linked)
        self.rng.shuffle(others)
        chosen = (linked + others)[:files]
        self.rng.shuffle(chosen)
        return chosen

    def allow_twins(self, chosen: list[str], twins: Twins) -> None:
        taken = {r for d in chosen for r, _ in self.declared[d]} if twins == "undeclared" else set()
        self.twins = sorted(set(self.held) - taken)

    def workplace(self, person: Person) -> str:
        if person.id in self.held:
            return "、".join(label for _, label in self.held[person.id])
        if person.id in self.roster_ids:
            return "退休"
        return own_workplace(person, self.regions, self.seed)

    def family(self, source: str, declarer: str) -> tuple[list[FamilyMember], list[ItemTruth]]:
        members: list[FamilyMember] = []
        truths: list[ItemTruth] = []
        for relative, relation in self.declared[declarer]:
            person = self.persons[relative]
            members.append(member(person, relation, self.workplace(person)))
            group = IN_GRAPH if relative in self.roster_ids else OUTSIDE
            truths.append(ItemTruth(source, len(members), declarer, relative, group))
        return members, truths

    def decoy(self, source: str, declarer: str, number: int) -> tuple[FamilyMember, ItemTruth]:
        """An Item for someone outside the graph sharing a current cadre's name and sex."""
        rng = self.rng
        kind = DECOYS[self.decoys % len(DECOYS)]
        own = {declarer, *(r for r, _ in self.declared[declarer])}
        while True:
            twin = self.persons[rng.choice(self.twins)]
            if twin.id not in own and twin.gender is not None and twin.birth_date is not None:
                break
        assert twin.gender is not None and twin.birth_date is not None
        born = twin.birth_date
        if kind == "name_month_no_post":
            birth, work = born, rng.choice(("务农", "个体经营"))
        elif kind == "name_month_other_unit":
            units = {u for u, _ in self.held[twin.id]}
            labels = [label for posts in self.held.values() for u, label in posts
                      if u not in units]
            birth, work = born, rng.choice(labels)
        else:
            birth = born.replace(month=born.month % 12 + 1, day=1)
            work = self.workplace(twin)
        self.decoys += 1
        item = FamilyMember(relation=rng.choice(_DECOY_TERMS[twin.gender]), name=twin.name,
                            birth_raw=form_month(birth),
                            political_status=rng.choice(("群众", "中共党员")), unit_and_post=work)
        return item, ItemTruth(source, number, declarer, f"decoy-{self.decoys}", kind)


def write_forms(source: GraphStore, bundle: Bundle, roster: Bundle, directory: Path, *,
                files: int, seed: int, decoy_rate: float = 0.5,
                twins: Twins = "undeclared") -> Forms:
    """Write the forms (see the module docstring) exported from `source`, a store holding
    `roster`; the truth of each Item."""
    directory.mkdir(parents=True, exist_ok=True)
    writer = _Writer(bundle, frozenset(p.id for p in roster.persons), seed,
                     random.Random(seed))
    items: list[ItemTruth] = []
    names: list[str] = []
    chosen = writer.sample(files)
    writer.allow_twins(chosen, twins)
    for position, declarer in enumerate(chosen, start=1):
        name = f"{position:05d}-{declarer}.lrmx"
        names.append(name)
        members, truths = writer.family(name, declarer)
        if writer.rng.random() < decoy_rate:
            decoy, truth = writer.decoy(name, declarer, len(members) + 1)
            members.append(decoy)
            truths.append(truth)
        record = parse_lrmx(export_lrmx(source, declarer), source=name)
        (directory / name).write_bytes(write_lrmx(record.model_copy(update={
            "family": members})))
        items += truths
    return Forms(directory, names, items, writer.roster_ids)


def build_scenario(root: Path, *, cadres: int, files: int, seed: int, decoy_rate: float = 0.5,
                   twins: Twins = "undeclared", bundle_dir: Path | None = None,
                   roles: bool = True) -> Scenario:
    """Generate a bundle (in `bundle_dir`, default `root/bundle`; kept when it is there),
    keep its cadres as the roster (`cadre_roster`) and write the forms to `root/forms`."""
    bundle_dir = bundle_dir or root / "bundle"
    if not (bundle_dir / "persons.csv").exists():
        generate(bundle_dir, cadres=cadres, seed=seed)
    bundle, _ = read_bundle(bundle_dir)
    roster = cadre_roster(bundle, roles=roles)
    source = EmbeddedStore(None)
    ops.write_bundle(source, roster)
    forms = write_forms(source, bundle, roster, root / "forms", files=files, seed=seed,
                        decoy_rate=decoy_rate, twins=twins)
    return Scenario(bundle_dir, roster, forms)


@dataclass
class Result:
    counts: dict[str, dict[str, int]]
    """Group (`in_graph`, `outside`, decoy kinds) -> outcome -> Items."""
    found: int
    """True duplicates whose final person is the graph person they are."""
    kinship_missing: int
    """Items whose declarer has no kinship to the Item's final person in the graph."""
    unaccounted: int
    """Items for which no person was created (none expected: no Item has an ID number)."""
    false_merge_examples: list[str] = field(default_factory=list)
    files: int = 0
    load_seconds: float = 0.0
    rejects: int = 0
    balanced: bool = True

    def total(self, outcome: str) -> int:
        return sum(c.get(outcome, 0) for c in self.counts.values())

    @property
    def items(self) -> int:
        return sum(sum(c.values()) for c in self.counts.values())

    @property
    def true_duplicates(self) -> int:
        return sum(self.counts.get(IN_GRAPH, {}).values())

    @property
    def false_merges(self) -> int:
        return self.total("merged_wrongly")

    @property
    def merges(self) -> int:
        return self.total("merged_correctly") + self.false_merges

    @property
    def precision(self) -> float | None:
        return round(self.total("merged_correctly") / self.merges, 4) if self.merges else None

    @property
    def recall(self) -> float:
        return round(self.found / self.true_duplicates, 4) if self.true_duplicates else 0.0

    @property
    def recall_with_review(self) -> float:
        """True duplicates found, or queued for review with the right person proposed."""
        hits = self.found + self.counts.get(IN_GRAPH, {}).get("queued_truth", 0)
        return round(hits / self.true_duplicates, 4) if self.true_duplicates else 0.0

    def as_json(self) -> dict[str, object]:
        return {"files": self.files, "items": self.items,
                "true_duplicates": self.true_duplicates, "found": self.found,
                "merges": self.merges, "false_merges": self.false_merges,
                "precision": self.precision, "recall": self.recall,
                "recall_with_review": self.recall_with_review,
                "decoys": sum(sum(self.counts.get(k, {}).values()) for k in DECOYS),
                "counts": self.counts, "kinship_missing": self.kinship_missing,
                "unaccounted": self.unaccounted, "rejects": self.rejects,
                "balanced": self.balanced, "load_s": round(self.load_seconds, 2),
                "files_per_s": round(self.files / self.load_seconds, 1)
                if self.load_seconds else None,
                "false_merge_examples": self.false_merge_examples[:10]}

    def summary(self) -> str:
        groups = "; ".join(f"{g}: " + ", ".join(f"{o} {n}" for o, n in c.items() if n)
                           for g, c in self.counts.items())
        return (f"{self.files} files, {self.items} items: precision {self.precision}, recall "
                f"{self.recall} ({self.found}/{self.true_duplicates}), with review "
                f"{self.recall_with_review}, false merges {self.false_merges}; {groups}")


def measure(store: GraphStore, data_dir: Path, forms: Forms) -> Result:
    """Each Item's outcome (see the module docstring)."""
    book = Book.load(data_dir)
    persons = [p for p in map(node_to_model, store.scan_nodes("Person"))
               if isinstance(p, Person)]
    created = {p.extra["lrmx:source"]: p for p in persons if DECLARED_BY in p.extra}
    kin = {(k.person_id, k.relative_id) for k in map(edge_to_model, store.scan_edges(KIN))
           if isinstance(k, Kinship)}
    truth_of = {pid: pid for pid in forms.roster_ids}
    for item in forms.items:
        person = created.get(f"{item.source} {item_path(item.number)}")
        if person is not None:
            truth_of[person.id] = item.truth
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    found = missing = unaccounted = 0
    examples: list[str] = []
    for item in forms.items:
        person = created.get(f"{item.source} {item_path(item.number)}")
        if person is None:
            unaccounted += 1
            continue
        final = book.final(person.id)
        if final != person.id:
            right = truth_of.get(final) == item.truth
            outcome = "merged_correctly" if right else "merged_wrongly"
            if not right:
                cand = next(c for c in book.candidates.values()
                            if c.source == person.id and c.status == "accepted")
                examples.append(f"{item.source} Item[{item.number}] {person.name} "
                                f"({item.group}, truth {item.truth}) -> {final} "
                                f"(truth {truth_of.get(final)}): {cand.history[0].note}")
        else:
            pending = [c for c in book.open_for(person.id) if c.source == person.id]
            truths = {truth_of.get(book.final(c.target)) for c in pending}
            outcome = ("new" if not pending else
                       "queued_truth" if item.truth in truths else "queued_other")
        found += item.group == IN_GRAPH and final == item.truth
        missing += (item.declarer, final) not in kin
        counts[item.group][outcome] += 1
    ordered = {g: {o: counts[g][o] for o in OUTCOMES}
               for g in (IN_GRAPH, OUTSIDE, *DECOYS) if g in counts}
    return Result(ordered, found, missing, unaccounted, examples)


def run_scenario(store: GraphStore, scenario: Scenario, data_dir: Path, *,
                 batch_size: int = 10_000) -> Result:
    """Write the roster into `store` (expected empty), load the forms, measure."""
    ops.write_bundle(store, scenario.roster, batch_size=batch_size)
    started = perf_counter()
    _, report = load_lrmx(store, scenario.forms.directory, data_dir=data_dir,
                          actor="precision", batch_size=batch_size)
    seconds = perf_counter() - started
    result = measure(store, data_dir, scenario.forms)
    result.files = len(scenario.forms.files)
    result.load_seconds, result.rejects = seconds, len(report.rejects)
    result.balanced = report.balanced
    return result
