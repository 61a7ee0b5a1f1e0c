"""Helpers for API tests: keys made through the real key store, and a live server.

    client = TestClient(create_app(settings, store), headers=auth_headers(tmp_path, "admin"))
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import httpx
import uvicorn
from fastapi import FastAPI
from fastapi._compat import ModelField
from fastapi.routing import APIRoute

from api.auth.keys import KeyStore
from api.auth.roles import Role
from graph.model import Bundle, Kinship, Person
from graph.vocab import Gender
from tests.factory import small_county


def make_token(data_dir: Path, role: Role, *grants: str, name: str | None = None) -> str:
    """A new key's token in `<data_dir>/keys.json` (the store the app reads)."""
    return KeyStore.of(data_dir).create(name or f"test-{role}", role, list(grants)).token


def auth_headers(data_dir: Path, role: Role = "admin", *grants: str,
                 name: str | None = None) -> dict[str, str]:
    return {"Authorization": f"Bearer {make_token(data_dir, role, *grants, name=name)}"}


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def live_server(app: FastAPI, timeout: float = 30.0) -> Iterator[str]:
    """Serve `app` with uvicorn on a free loopback port in a thread; yields the base URL."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                           lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                if httpx.get(f"{base}/health", timeout=1.0).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or not thread.is_alive():
                raise RuntimeError(f"the test server did not start on {base}")
            time.sleep(0.05)
        yield base
    finally:
        server.should_exit = True
        thread.join(timeout)


def county_with_relative() -> Bundle:
    """The small county plus 王父 (R1), 王建国's father, who never held a post: a relative."""
    base = small_county()
    father = Person(id="R1", name="王父", gender=Gender.M, birth_date=date(1945, 2, 1),
                    id_number="330102194502011111", grew_up_in="330102101", party="群众")
    kin = Kinship(person_id="A1", relative_id="R1", relation="父亲")
    return base.model_copy(update={"persons": [*base.persons, father],
                                   "kinship": [*base.kinship, kin]})


@dataclass(frozen=True)
class RouteInfo:
    path: str
    methods: frozenset[str]
    route: APIRoute


def api_routes(app: FastAPI) -> list[RouteInfo]:
    """Every API route of the app, through included routers (FastAPI >= 0.160 keeps them
    behind `effective_route_contexts`)."""
    out = []
    for top in app.routes:
        contexts = (top.effective_route_contexts() if hasattr(top, "effective_route_contexts")
                    else [top])
        for ctx in contexts:
            route = getattr(ctx, "original_route", ctx)
            if isinstance(route, APIRoute):
                out.append(RouteInfo(str(getattr(ctx, "path", route.path)),
                                     frozenset(route.methods or ()), route))
    return out


def params_of(route: APIRoute) -> list[ModelField]:
    """Path and query parameters of a route and its dependencies."""
    found: list[ModelField] = []
    stack = [route.dependant]
    while stack:
        dep = stack.pop()
        found.extend([*dep.path_params, *dep.query_params])
        stack.extend(dep.dependencies)
    return found
