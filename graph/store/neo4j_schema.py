"""Labels, constraints and indexes of the Neo4j store, declared with neomodel.

Every node has the label `Node` with a unique `key` (`person/<id>`: what the store's queries
match on) and its own label (`Person`, `Unit` ...) with indexes for look-ups by name, title,
ID number and region code. `install` is idempotent.
"""

from __future__ import annotations

import io

from neo4j import Driver
from neomodel import StringProperty, StructuredNode, db


class Node(StructuredNode):  # type: ignore[misc]
    key = StringProperty(unique_index=True)
    label = StringProperty(index=True)


class Person(StructuredNode):  # type: ignore[misc]
    name = StringProperty(index=True)
    id_number = StringProperty(index=True)


class Unit(StructuredNode):  # type: ignore[misc]
    name = StringProperty(index=True)


class Post(StructuredNode):  # type: ignore[misc]
    title = StringProperty(index=True)


class Region(StructuredNode):  # type: ignore[misc]
    code = StringProperty(unique_index=True)


MODELS = (Node, Person, Unit, Post, Region)


def install(driver: Driver, database: str) -> None:
    """Create every constraint and index that does not exist yet."""
    db.set_connection(driver=driver)
    db._database_name = database
    sink = io.StringIO()  # neomodel reports "already exists" on stdout even when quiet
    for model in MODELS:
        db.install_labels(model, quiet=True, stdout=sink)
