"""The embedded store's JSON file: round trip, atomic save, clear errors on bad files."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from graph import ops
from graph.errors import StoreError
from graph.store.embedded import EmbeddedStore
from graph.store.embedded_file import FORMAT, VERSION, read_graph_file
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
