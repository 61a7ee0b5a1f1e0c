"""Every capability over HTTP, as an admin (both stores): search, units, posts, networks,
findings filters and pages, the audit log, uploads."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from openpyxl import Workbook

from api.app import create_app
from graph import ops
from graph.settings import Settings
from graph.store.base import GraphStore
from ingest.roster.write import write_bundle_dir
from tests.api.support import auth_headers, county_with_relative
from tests.factory import small_county

DAY = "2025-01-01"


@pytest.fixture
def client(store: GraphStore, tmp_path: Path) -> Iterator[TestClient]:
    ops.write_bundle(store, county_with_relative())
    app = create_app(Settings(CADREGRAPH_DATA_DIR=tmp_path), store)
    with TestClient(app, headers=auth_headers(tmp_path, "admin", name="管理员")) as c:
        yield c


def test_me(client: TestClient) -> None:
    me = client.get("/me").json()
    assert me["name"] == "管理员" and me["role"] == "admin" and "audit" in me["permissions"]


def test_search_persons_by_name_id_and_pages(client: TestClient) -> None:
    body = client.get("/persons", params={"q": "王"}).json()
    assert [p["id"] for p in body["items"]] == ["A1", "A6", "R1"]
    assert body["total"] == 3 and body["items"][2]["cadre"] is False
    assert client.get("/persons", params={"q": "建国"}).json()["items"][0]["name"] == "王建国"
    assert [p["id"] for p in client.get("/persons", params={"q": "a3"}).json()["items"]] == ["A3"]
    second = client.get("/persons", params={"limit": 2, "offset": 2}).json()
    assert second["total"] == 7 and [p["id"] for p in second["items"]] == ["A3", "A4"]
    assert client.get("/persons", params={"q": "无此人"}).json()["items"] == []
    assert client.get("/persons", params={"limit": 0}).status_code == 422


def test_units_and_posts(client: TestClient) -> None:
    units = client.get("/units", params={"q": "财政"}).json()
    assert [u["id"] for u in units["items"]] == ["U-FIN"]
    fin = client.get("/units/U-FIN").json()
    assert fin["unit"]["name"] == "示范县财政局"
    assert [p["id"] for p in fin["posts"]] == ["P-FIN-ACC", "P-FIN-DEP", "P-FIN-HEAD"]
    assert [u["id"] for u in client.get("/units/U-GOV").json()["children"]] == ["U-FIN"]
    posts = client.get("/posts", params={"unit": "U-FIN", "limit": 2}).json()
    assert posts["total"] == 3 and len(posts["items"]) == 2
    # earliest match first: 局长 before 副局长
    assert [p["id"] for p in client.get("/posts", params={"q": "局长"}).json()["items"]] == [
        "P-FIN-HEAD", "P-FIN-DEP"]
    head = client.get("/posts/P-FIN-HEAD").json()
    assert head["unit"] == "示范县财政局" and [h["person_id"] for h in head["holders"]] == ["A3"]
    assert client.get("/posts/P-FIN-HEAD", params={"as_of": DAY}).json()["holders"] == []
    assert client.get("/units/U-NONE").status_code == 404
    assert client.get("/posts/P-NONE").json()["status"] == 404


def test_networks_neutral_and_cytoscape(client: TestClient) -> None:
    net = client.get("/network/unit/U-FIN", params={"depth": 1}).json()
    assert "unit/U-FIN" in {n["id"] for n in net["nodes"]}
    elements = client.get("/network/unit/U-FIN", params={"format": "cytoscape"}).json()
    parents = {e["data"]["id"]: e["data"].get("parent") for e in elements
               if e["group"] == "nodes"}
    assert parents["post/P-FIN-HEAD"] == "unit/U-FIN"  # units are compound nodes
    assert not any(e["data"]["type"] == "IN_UNIT" for e in elements if e["group"] == "edges")
    person = client.get("/persons/A1/network", params={"format": "cytoscape",
                                                       "types": ["KIN", "HOLDS"]}).json()
    assert {e["data"]["id"] for e in person if e["group"] == "nodes"} >= {
        "person/A1", "person/A2", "person/R1", "post/P-SEC"}
    assert client.get("/network/thing/X").status_code == 422
    assert client.get("/network/post/NOPE").status_code == 404


def test_findings_filters_and_pages(client: TestClient) -> None:
    every = client.get("/findings", params={"as_of": DAY}).json()
    assert every["total"] == len(every["findings"]) > 2
    fin = client.get("/findings", params={"as_of": DAY, "unit": "U-FIN"}).json()
    assert fin["findings"] and all(
        {"P-FIN-HEAD", "P-FIN-DEP", "P-FIN-ACC"} & set(f["posts"]) for f in fin["findings"])
    assert fin["total"] < every["total"]
    page = client.get("/findings", params={"as_of": DAY, "limit": 1, "offset": 1}).json()
    assert page["findings"] == every["findings"][1:2] and page["total"] == every["total"]
    assert client.get("/findings", params={"unit": "U-NONE"}).status_code == 404
    chain = client.get("/chain/person/A6", params={"as_of": DAY, "format": "cytoscape"}).json()
    assert any(e["data"]["type"] == "LEADS" for e in chain if e["group"] == "edges")


def test_audit_log_filters(client: TestClient) -> None:
    client.get("/persons/A1")
    client.get("/persons/A3/network")
    client.get("/chain/person/A6", params={"as_of": DAY})
    body = client.get("/audit", params={"subject": "A1"}).json()
    assert {e["action"] for e in body["items"]} >= {"read_person", "seen_in_chain"}
    assert all(e["actor"] == "管理员" for e in body["items"])
    mine = client.get("/audit", params={"actor": "管理员", "action": "read_network"}).json()
    assert [e["subject"] for e in mine["items"]] == ["A3"]
    assert client.get("/audit", params={"actor": "nobody"}).json()["total"] == 0


def _zip(bundle_dir: Path) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for f in sorted(bundle_dir.glob("*.csv")):
            zf.write(f, f"bundle/{f.name}")
    return buf.getvalue()


def test_bundle_upload_zip_with_rejects(store: GraphStore, tmp_path: Path) -> None:
    out = tmp_path / "bundle"
    write_bundle_dir(small_county(), out)
    with (out / "holdings.csv").open("a", encoding="utf-8") as fh:
        fh.write("A1,P-NOWHERE,2020-01-01,,,\n")
    app = create_app(Settings(CADREGRAPH_DATA_DIR=tmp_path / "data"), store)
    with TestClient(app, headers=auth_headers(tmp_path / "data")) as client:
        before = client.get("/persons").json()["total"]
        res = client.post("/bundles", files={"file": ("县.zip", _zip(out), "application/zip")})
        assert res.status_code == 200, res.text
        body = res.json()
        assert body["rejected"] == 1 and body["rejects"][0]["file"] == "holdings.csv"
        assert body["balanced"] and body["read"] == body["loaded"] + body["rejected"]
        assert body["counts"]["persons"]["loaded"] == 6
        assert client.get("/persons").json()["total"] == before + 6  # cache invalidated
        again = client.post("/bundles", files={"file": ("x.zip", _zip(out))}).json()
        assert again["loaded"] == body["loaded"]
        assert ops.stats(store).nodes["Person"] == 6
        bad = client.post("/bundles", files={"file": ("x.zip", b"not a zip at all")})
        assert bad.status_code == 400 and bad.headers["content-type"] == "application/problem+json"
        assert client.post("/bundles").status_code == 422


def test_bundle_upload_xlsx(store: GraphStore, tmp_path: Path) -> None:
    out = tmp_path / "bundle"
    write_bundle_dir(small_county(), out)
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for f in sorted(out.glob("*.csv")):
        sheet = book.create_sheet(f.stem)
        for row in csv.reader(f.read_text("utf-8-sig").splitlines()):
            sheet.append(row)
    xlsx = tmp_path / "county.xlsx"
    book.save(xlsx)
    app = create_app(Settings(CADREGRAPH_DATA_DIR=tmp_path / "data"), store)
    with TestClient(app, headers=auth_headers(tmp_path / "data")) as client:
        res = client.post("/bundles", files={"file": ("county.xlsx", xlsx.read_bytes())})
        assert res.status_code == 200, res.text
        assert res.json()["rejected"] == 0 and res.json()["counts"]["holdings"]["loaded"] == 7


def test_lrmx_upload(store: GraphStore, tmp_path: Path) -> None:
    sample = Path(__file__).parent.parent / "ingest" / "lrmx" / "samples" / "zhang_utf8.lrmx"
    app = create_app(Settings(CADREGRAPH_DATA_DIR=tmp_path / "data"), store)
    with TestClient(app, headers=auth_headers(tmp_path / "data")) as client:
        res = client.post("/lrmx", files={"file": ("zhang.lrmx", sample.read_bytes())})
        assert res.status_code == 200, res.text
        assert res.json()["loaded"] > 0 and res.json()["balanced"]
        assert client.get("/persons").json()["total"] > 0
