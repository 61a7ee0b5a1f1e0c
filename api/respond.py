"""JSON responses serialized once, in the endpoint's own thread.

A sync endpoint that returns a model makes FastAPI check it against the response model in a
second thread hand-off and then serialize it; on the hot read paths (networks, chains, what-if
checks) that costs more than the work. Those routes declare `response_model=` (the OpenAPI
description is unchanged) and return `respond(value, shape)`.
"""

from __future__ import annotations

from typing import Any

from fastapi import Response
from pydantic import TypeAdapter

_ADAPTERS: dict[Any, TypeAdapter[Any]] = {}


def respond(value: Any, shape: Any) -> Response:
    """`value` as JSON of the type `shape` (a model, or a union of them)."""
    adapter = _ADAPTERS.get(shape)
    if adapter is None:
        adapter = _ADAPTERS[shape] = TypeAdapter(shape)
    return Response(adapter.dump_json(value, by_alias=True), media_type="application/json")
