"""The decisions file: saved and read back, looked up by id prefix, merges followed."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import InvalidInput, NotFound
from ingest.resolve.book import Book, Candidate, pair_id
from ingest.resolve.features import FeatureScore


def _cand(source: str, target: str, status: str = "pending") -> Candidate:
    feature = FeatureScore(feature="name", label="姓名", weight=0.4, similarity=1.0,
                           points=0.4, detail="相同")
    return Candidate.model_validate({"id": pair_id(source, target), "source": source,
                                     "target": target, "kind": "relative", "status": status,
                                     "score": 0.4, "features": [feature]})


def test_saved_and_read_back(tmp_path: Path) -> None:
    book = Book()
    cand = book.add(_cand("a", "b"))
    cand.record("审核员", "proposed", "说明")
    path = book.save(tmp_path / "data")
    assert path.name == "resolution.json" and "审核员" in path.read_text("utf-8")
    again = Book.load(tmp_path / "data")
    assert again == book and Book.load(tmp_path / "nothing") == Book()


def test_a_broken_file_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "resolution.json").write_text("{", "utf-8")
    with pytest.raises(InvalidInput, match="cannot read the resolution file"):
        Book.load(tmp_path)


def test_pairs_prefixes_and_merge_chains() -> None:
    book = Book()
    assert pair_id("a", "b") == pair_id("b", "a")
    first = book.add(_cand("a", "b", "accepted"))
    book.add(_cand("b", "c", "accepted"))
    book.add(_cand("c", "d", "rejected"))
    assert book.add(_cand("a", "b")) is first  # an existing pair stands
    assert book.final("a") == "c" and book.final("c") == "c"
    assert book.negative("d", "c") and not book.negative("a", "b")
    assert book.get(first.id[:10]) is first
    with pytest.raises(NotFound):
        book.get("rv-none")
    with pytest.raises(InvalidInput, match="ambiguous"):
        book.get("rv-")
