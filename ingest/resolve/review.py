"""Review decisions on candidate pairs: accept merges in the graph, reject records a negative
decision (undoing an earlier merge). Both append to the pair's history with who and when."""

from __future__ import annotations

from pathlib import Path

from graph.errors import InvalidInput, NotFound
from graph.ops import get_person
from graph.store.base import GraphStore
from ingest.resolve.book import Book, Candidate
from ingest.resolve.index import MERGED_INTO
from ingest.resolve.merge import mark_person, merge_person, undo_merge, write_person

PROVISIONAL = "provisional"
REVIEW = "review"


def review_note(book: Book, person_id: str) -> str | None:
    """The review text for a person with pending pairs (None when there are none)."""
    pending = [c for c in book.open_for(person_id) if c.source == person_id]
    if not pending:
        return None
    best = sorted(pending, key=lambda c: (-c.score, c.target))
    names = "、".join(f"{c.target}（得分 {c.score:.2f}，编号 {c.id}）" for c in best)
    return f"待甄别：可能与 {names} 为同一人；请用 cadregraph review 核实"


def settle_markers(store: GraphStore, book: Book, person_id: str) -> None:
    """Set or clear the provisional/review markers of a person after a decision."""
    try:
        person = get_person(store, person_id)
    except NotFound:
        return
    if MERGED_INTO in person.extra:
        return
    note = review_note(book, person_id)
    write_person(store, mark_person(person, **{PROVISIONAL: "true" if note else None,
                                               REVIEW: note}))
    store.flush()


def accept(store: GraphStore, data_dir: Path, ident: str, actor: str,
           note: str = "") -> Candidate:
    """Merge the pair's source into its target (or where the target was merged)."""
    book = Book.load(data_dir)
    cand = book.get(ident)
    if cand.status == "accepted":
        raise InvalidInput(f"{cand.id} 已接受 already accepted")
    elsewhere = book.merged_target(cand.source)
    if elsewhere is not None:
        raise InvalidInput(f"{cand.source} 已并入 {elsewhere}，请先否决该合并 "
                           f"already merged into {elsewhere}: reject that pair first")
    target = book.final(cand.target)
    if target == cand.source:
        raise InvalidInput(f"{cand.target} 已并入 {cand.source}，不能反向合并 circular merge")
    text = f"已并入 {target}（{actor} 确认，编号 {cand.id}）"
    cand.moved = merge_person(store, cand.source, target, note=text)
    store.flush()
    cand.status, cand.merged_to = "accepted", target
    cand.record(actor, "accepted", note or text)
    book.save(data_dir)
    return cand


def reject(store: GraphStore, data_dir: Path, ident: str, actor: str,
           note: str = "") -> Candidate:
    """A negative decision; after an accept, the merge is undone first."""
    book = Book.load(data_dir)
    cand = book.get(ident)
    if cand.status == "rejected":
        raise InvalidInput(f"{cand.id} 已否决 already rejected")
    text = "否决：不是同一人"
    if cand.status == "accepted":
        kept = cand.merged_to or cand.target
        later = book.merged_target(kept)
        if later is not None:
            raise InvalidInput(f"{kept} 之后又并入 {later}，请先否决该合并 "
                               f"{kept} was merged into {later} since: reject that pair first")
        if cand.moved is not None:
            undo_merge(store, cand.moved)
            store.flush()
        cand.moved, cand.merged_to = None, None
        text = f"撤销合并：{cand.source} 与 {kept} 不是同一人"
    cand.status = "rejected"
    cand.record(actor, "rejected", note or text)
    book.save(data_dir)
    settle_markers(store, book, cand.source)
    return cand
