"""Load `.lrmx` files (one file, or a directory searched recursively) into the graph.

`load_lrmx` reads every file, maps it (person, family, 简历, 现任职务, 年度考核结果), writes
the records, then applies the automatic merges and saves the decisions
(`<data_dir>/resolution.json`). Loading the same files again changes nothing. Every file,
family Item, 简历 entry, assessment and field ends in the graph or in the report's rejects.
Region nodes the graph already has are never rewritten by this load.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from graph import ops
from graph.convert import bundle_to_records
from graph.ids import node_key
from graph.model import Bundle, Kinship
from graph.store.base import GraphStore
from ingest.lrmx.career import load_current_post, load_resume, load_reviews
from ingest.lrmx.catalog import Catalog
from ingest.lrmx.errors import LrmxError
from ingest.lrmx.family import load_family
from ingest.lrmx.parse import parse_lrmx
from ingest.lrmx.premerge import kinship_index, merge_before_writing
from ingest.lrmx.record import LrmxRecord
from ingest.lrmx.state import LoadState
from ingest.lrmx.subject import id_issue, load_subject, subject_id
from ingest.lrmx.tally import FAMILY, FILES, family_rejects, fields, file_failed, loaded, reject
from ingest.report import LoadReport
from ingest.resolve.book import Book, Candidate
from ingest.resolve.index import MERGED_INTO, PersonIndex
from ingest.resolve.merge import mark_person, merge_person
from ingest.resolve.review import PROVISIONAL, REVIEW, review_note

Progress = Callable[[str, int, int], None]
"""progress(description, completed, total): e.g. `bar.update(task, description=d,
completed=c, total=t)` on a rich Progress."""
SUFFIX = ".lrmx"


def lrmx_files(path: Path) -> list[tuple[Path, str]]:
    """(file, name used in messages): the file itself, or every `.lrmx` under a directory
    (any letter case, sorted), named by its path relative to the directory."""
    if path.is_file():
        return [(path, path.name)]
    if path.is_dir():
        found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() == SUFFIX)
        return [(p, p.relative_to(path).as_posix()) for p in found]
    raise LrmxError(str(path), None, None, "no such file or directory")


def is_lrmx_path(path: Path) -> bool:
    """True for a `.lrmx` file or a directory holding at least one (at any depth)."""
    if path.is_file():
        return path.suffix.lower() == SUFFIX
    return path.is_dir() and any(p.suffix.lower() == SUFFIX for p in path.rglob("*"))


def read_file(state: LoadState, file: Path, source: str) -> LrmxRecord | None:
    """The parsed form, or None when the file is rejected whole (reported)."""
    try:
        record = parse_lrmx(file, source=source)
    except LrmxError as exc:
        file_failed(state.report, source, exc)
        return None
    if not (record.name or "").strip():
        reject(state.report, FILES, source, "Person/XingMing", "no name (姓名): 表格被拒收")
        for number, _ in enumerate(record.family, start=1):
            reject(state.report, FAMILY, source, f"家庭成员{number}",
                   "所在表格无姓名被拒收，家庭成员未载入")
        family_rejects(state.report, record)
        return None
    return record


def map_record(state: LoadState, record: LrmxRecord) -> None:
    pid = load_subject(state, record)
    load_family(state, record, state.persons[pid])
    family_rejects(state.report, record)
    load_resume(state, record, pid)
    load_current_post(state, record, pid)
    load_reviews(state, record, pid)
    fields(state.report, record, id_issue(record))
    loaded(state.report, FILES)


def _settle(state: LoadState) -> None:
    """Review markers on the persons about to be written, from the decisions."""
    for pid, person in state.persons.items():
        if MERGED_INTO in person.extra:
            continue
        note = review_note(state.book, pid)
        if note or PROVISIONAL in person.extra:
            state.persons[pid] = mark_person(person, **{PROVISIONAL: "true" if note else None,
                                                        REVIEW: note})


def write_records(store: GraphStore, bundle: Bundle, batch_size: int,
                  progress: Progress | None) -> None:
    """Upsert a bundle (nodes first), leaving region nodes the store already has alone."""
    nodes, edges = bundle_to_records(bundle)
    have = store.existing([n.key for n in nodes if n.label == "Region"])
    nodes = [n for n in nodes if n.key not in have]
    total, done = len(nodes) + len(edges), [0]

    def step(n: int) -> None:
        done[0] += n
        if progress:
            progress("写入图谱 writing", done[0], total)

    ops.write_records(store, nodes, edges, batch_size=batch_size, progress=step)


def _as_merged(bundle: Bundle, book: Book) -> Bundle:
    """The bundle as the graph holds it after the automatic merges."""
    persons = [p if book.merged_target(p.id) is None else
               mark_person(p, **{MERGED_INTO: book.final(p.id)}) for p in bundle.persons]
    kinship = [Kinship.model_validate({**k.model_dump(), "person_id": book.final(k.person_id),
                                       "relative_id": book.final(k.relative_id)})
               for k in bundle.kinship]
    return bundle.model_copy(update={"persons": persons, "kinship": kinship})


def _note(cand: Candidate) -> str:
    return f"已并入 {cand.target}（自动，得分 {cand.score:.2f}，编号 {cand.id}）"


def load_lrmx(store: GraphStore, path: Path, *, data_dir: Path, actor: str,
              progress: Progress | None = None,
              batch_size: int = 10_000) -> tuple[Bundle, LoadReport]:
    """Load one `.lrmx` file or a directory of them; returns the records loaded (as the
    graph holds them after automatic merges) and the report."""
    files = lrmx_files(path)
    state = LoadState(store, PersonIndex.from_store(store), Book.load(data_dir),
                      Catalog.from_store(store), actor)
    records: list[LrmxRecord] = []
    for done, (file, source) in enumerate(files, start=1):
        record = read_file(state, file, source)
        records += [record] if record else []
        if progress:
            progress("读取 reading", done, len(files))
    state.look([subject_id(state, record)[0] for record in records])
    for done, record in enumerate(records, start=1):
        map_record(state, record)
        if progress:
            progress("比对 resolving", done, len(records))
    _settle(state)
    merges = [state.book.candidates[cid] for cid in state.merges]
    in_graph = store.existing([node_key("Person", c.source) for c in merges])
    index = kinship_index(state)
    for cand in merges:
        if node_key("Person", cand.source) not in in_graph:
            cand.moved = merge_before_writing(state, index, cand.source, cand.target,
                                              _note(cand))
    bundle = state.bundle()
    write_records(store, bundle, batch_size, progress)
    store.delete_edges(state.stale_edges())
    for cand in merges:
        if node_key("Person", cand.source) in in_graph:
            cand.moved = merge_person(store, cand.source, cand.target, note=_note(cand))
    store.flush()
    state.book.save(data_dir)
    return _as_merged(bundle, state.book), state.report

