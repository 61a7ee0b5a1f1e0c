"""The embedded store's JSON file: round trip, atomic save, clear errors on bad files."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from graph import ops
from graph.errors import StoreError
from graph.records import NodeRecord
from graph.store import embedded_file
from graph.store.embedded import EmbeddedStore
from graph.store.embedded_file import FORMAT, VERSION, read_graph_file, write_graph_file
from tests.factory import small_county


def test_saved_graph_reopens_identical(tmp_path: Path) -> None:
    path = tmp_path / "graph.json"
    with EmbeddedStore(path) as store:
        ops.write_bundle(store, small_county())
        before = (ops.stats(store), ops.export_bundle(store))
    assert not path.with_name("graph.json.tmp").exists()
    reopened = EmbeddedStore(path)
    assert (ops.stats(reopened), ops.export_bundle(reopened)) == before
    # traversals work on the reopened file (the adjacency is built on first use)
    assert reopened.expand(["person/A1"], None, None, 50)["person/A1"].degree > 0


@pytest.mark.parametrize(("content", "message"), [
    (b"\x80\x04not json", "cannot read"),
    (b'{"format": "other"}', "not a cadregraph graph file"),
    (orjson.dumps({"format": FORMAT, "version": VERSION + 1}), "another version"),
    (orjson.dumps({"format": FORMAT, "version": VERSION, "nodes": [["k"]], "edges": []}),
     "damaged"),
])
def test_a_bad_file_is_named_in_the_error(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "graph.json"
    path.write_bytes(content)
    with pytest.raises(StoreError, match=message) as err:
        read_graph_file(path)
    assert str(path) in str(err.value)


@pytest.mark.parametrize("chunk", [1, 3, 1_000])
def test_the_file_written_in_chunks_is_the_whole_json(tmp_path: Path, chunk: int,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embedded_file, "CHUNK", chunk)
    monkeypatch.setattr(embedded_file, "PENDING", 2)
    store = EmbeddedStore(None)
    ops.write_bundle(store, small_county())
    path = tmp_path / "graph.json"
    write_graph_file(path, store._nodes, store._edges)
    assert orjson.loads(path.read_bytes()) == {
        "format": FORMAT, "version": VERSION,
        "nodes": [[n.key, n.label, n.props] for n in store._nodes.values()],
        "edges": [[e.id, e.type, e.source, e.target, e.props]
                  for by_id in store._edges.values() for e in by_id.values()]}
    assert read_graph_file(path) == (store._nodes, store._edges)
    write_graph_file(path, {}, {})
    assert read_graph_file(path) == ({}, {})


def test_a_failed_write_names_the_file_and_keeps_the_old_one(tmp_path: Path) -> None:
    path = tmp_path / "graph.json"
    write_graph_file(path, {}, {})
    blocker = path.with_name("graph.json.tmp")
    blocker.mkdir()  # the temporary file cannot be opened
    with pytest.raises(StoreError, match="cannot write the embedded graph file"):
        write_graph_file(path, {"n/1": NodeRecord("n/1", "Person", {})}, {})
    assert read_graph_file(path) == ({}, {})


def test_an_earlier_versions_graph_file_is_named_not_ignored(tmp_path: Path) -> None:
    (tmp_path / "graph.pickle").write_bytes(b"\x80\x04old")
    with pytest.raises(StoreError, match=r"earlier version.*graph\.pickle"):
        EmbeddedStore(tmp_path / "graph.json")
    write_graph_file(tmp_path / "graph.json", {}, {})  # once loaded again, the new file wins
    assert EmbeddedStore(tmp_path / "graph.json").existing(["x/1"]) == set()
