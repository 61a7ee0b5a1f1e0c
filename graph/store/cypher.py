"""Named Cypher queries, kept in `.cypher` files beside this module and always parameterised."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import LiteralString


@cache
def query(name: str) -> LiteralString:
    """The text of `cypher/<name>.cypher` (a fixed file of the package, never built from input)."""
    text = resources.files("graph.store").joinpath("cypher", f"{name}.cypher").read_text("utf-8")
    return text
