"""Access control, masking and injection, on both stores.

- every endpoint but the public ones refuses a request without a (valid) token: 401;
- roles: each permission's endpoints answer 403 to roles without it;
- a viewer never receives an ID number or a relative's personal details;
- Cypher-injection strings in every text parameter change nothing and leak nothing.
"""

from __future__ import annotations

import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.auth.keys import KeyStore
from graph import ops
from graph.settings import Settings
from graph.store.base import GraphStore
from tests.api.support import (
    api_routes,
    auth_headers,
    county_with_relative,
    make_token,
    params_of,
)

PUBLIC = {"/health", "/ui", "/", "/docs", "/docs/oauth2-redirect", "/redoc", "/openapi.json"}
INJECTIONS = ("' OR 1=1 //", '"})-[r]-() DETACH DELETE r //', "MATCH (n) DETACH DELETE n")
NAMES = ("王建国", "李秀英", "张伟", "刘芳", "陈明", "王小军", "王父")
SECRETS = ("330102197005011234", "330102194502011111", "1945-02-01", "父亲")


@pytest.fixture
def app_client(store: GraphStore, tmp_path: Path) -> Iterator[TestClient]:
    ops.write_bundle(store, county_with_relative())
    with TestClient(create_app(Settings(CADREGRAPH_DATA_DIR=tmp_path), store)) as c:
        yield c


def _as(client: TestClient, tmp_path: Path, role: Any, *grants: str) -> TestClient:
    client.headers.clear()
    client.headers.update(auth_headers(tmp_path, role, *grants))
    return client


def _path(template: str, route_params: dict[str, Any], value: str = "A1") -> str:
    out = template
    for name, annotation in route_params.items():
        choices = typing.get_args(annotation) if typing.get_origin(annotation) is typing.Literal \
            else ()
        out = out.replace("{" + name + "}", str(choices[0]) if choices else value)
    return out


def _path_params(route: Any) -> dict[str, Any]:
    return {f.alias: f.field_info.annotation for f in params_of(route)
            if "{" + f.alias + "}" in route.path}


def test_every_endpoint_needs_a_token(app_client: TestClient, tmp_path: Path) -> None:
    routes = [r for r in api_routes(app_client.app) if r.path not in PUBLIC]  # type: ignore[arg-type]
    assert len(routes) >= 25
    revoked = make_token(tmp_path, "admin", name="gone")
    KeyStore.of(tmp_path).revoke(revoked.split("_")[1])
    for info in routes:
        url = _path(info.path, _path_params(info.route))
        for method in info.methods:
            for headers in ({}, {"Authorization": "Bearer cg_00000000_wrong"},
                            {"Authorization": f"Bearer {revoked}"},
                            {"Authorization": "Basic YWRtaW46YWRtaW4="}):
                res = app_client.request(method, url, headers=headers)
                assert res.status_code == 401, (method, url, headers, res.text)
                assert res.headers["content-type"] == "application/problem+json"
                assert res.headers["www-authenticate"] == "Bearer"
    assert app_client.get("/health").status_code == 200


ROLE_CHECKS = [  # (method, url, permission needed)
    ("GET", "/findings", "findings"), ("GET", "/supervision/findings", "findings"),
    ("GET", "/persons/A1/recommended", "findings"), ("POST", "/checks/appointments", "findings"),
    ("GET", "/audit", "audit"), ("POST", "/bundles", "write"), ("POST", "/lrmx", "write"),
]
ROLES = {"viewer": set(), "planner": set(), "supervisor": {"findings"},
         "admin": {"findings", "audit", "write"}}


def test_roles(app_client: TestClient, tmp_path: Path) -> None:
    for role, allowed in ROLES.items():
        client = _as(app_client, tmp_path, role)
        for method, url, needs in ROLE_CHECKS:
            res = client.request(method, url)
            if needs in allowed:
                assert res.status_code != 403, (role, url)
            else:
                assert res.status_code == 403, (role, url, res.text)
                assert res.json()["title"].endswith("Forbidden")
        assert client.get("/persons/A1").status_code == 200
    if any(r.path.startswith("/rotation") for r in api_routes(app_client.app)):  # type: ignore[arg-type]
        assert _as(app_client, tmp_path, "viewer").get("/rotation/due").status_code == 403
        assert _as(app_client, tmp_path, "planner").get("/rotation/due").status_code == 200
    granted = _as(app_client, tmp_path, "planner", "findings")
    assert granted.get("/findings", params={"as_of": "2025-01-01"}).status_code == 200


VIEWER_READS = [
    "/persons/A1", "/persons/R1", "/persons/A2", "/persons?q=王", "/persons/A1/network",
    "/persons/A1/network?depth=2", "/persons/A1/network?format=cytoscape",
    "/network/person/R1", "/network/person/A1?depth=3", "/network/region/330102101?depth=2",
    "/chain/person/A6?as_of=2025-01-01&format=graph", "/persons/A1/trail",
    "/persons/A5/span?as_of=2025-01-01", "/posts/P-SEC", "/units/U-PC",
]


def test_viewer_sees_masked_fields(app_client: TestClient, tmp_path: Path) -> None:
    viewer = _as(app_client, tmp_path, "viewer")
    father = viewer.get("/persons/R1").json()
    assert father == {"id": "R1", "name": "王父", "gender": "M", "relative": True,
                      "masked": ["birth_date", "grew_up_in", "id_number", "party"]}
    cadre = viewer.get("/persons/A1").json()
    assert cadre["id_number"] == "330102**********34" and cadre["birth_date"] == "1970-05-01"
    net = viewer.get("/persons/A1/network").json()
    kin = [e for e in net["edges"] if e["type"] == "KIN"]
    assert kin and all(e["properties"] == {"masked": True} for e in kin)
    node = next(n for n in net["nodes"] if n["id"] == "person/R1")
    assert "birth_date" not in node["properties"] and node["properties"]["relative"]
    for url in VIEWER_READS:
        res = viewer.get(url)
        assert res.status_code == 200, (url, res.text)
        for secret in SECRETS:
            assert secret not in res.text, (url, secret)
    admin = _as(app_client, tmp_path, "admin")
    assert admin.get("/persons/R1").json()["id_number"] == "330102194502011111"
    assert "父亲" in admin.get("/persons/A1/network").text


def _text_params(route: Any) -> list[tuple[str, bool]]:
    """(name, in path) of the route's text parameters."""
    out = []
    for f in params_of(route):
        annotation = f.field_info.annotation
        text = annotation in (str, str | None, list[str] | None, list[str])
        if text:
            out.append((f.alias, "{" + f.alias + "}" in route.path))
    return out


def test_injection_changes_nothing_and_leaks_nothing(app_client: TestClient, store: GraphStore,
                                                     tmp_path: Path) -> None:
    admin = _as(app_client, tmp_path, "admin")
    before = store.counts()
    tried = 0
    for info in api_routes(app_client.app):  # type: ignore[arg-type]
        if "GET" not in info.methods or info.path in PUBLIC:
            continue
        for name, in_path in _text_params(info.route):
            for bad in INJECTIONS:
                others = {k: v for k, v in _path_params(info.route).items() if k != name}
                url = _path(info.path, others)
                if in_path:
                    url = url.replace("{" + name + "}", bad.replace("/", "%2F"))
                    res = admin.get(url)
                else:
                    res = admin.get(url, params={name: bad})
                tried += 1
                assert res.status_code < 500, (url, name, res.text)
                if name in ("q", "unit", "rule", "subject", "actor", "action", "post", "person",
                            "term") or in_path:
                    leaked = [n for n in NAMES if n in res.text]
                    assert not leaked or url.startswith(("/persons/A1", "/chain")), (url, name)
    for bad in INJECTIONS:
        res = admin.post("/checks/appointments", json={"proposals": [
            {"person_id": bad, "post_id": bad}]})
        assert res.status_code == 404 and "王" not in res.text
    assert tried > 40
    after = store.counts()
    assert (after.nodes, after.edges) == (before.nodes, before.edges)
    assert admin.get("/persons", params={"q": INJECTIONS[0]}).json()["total"] == 0
