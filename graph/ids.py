"""Stable, content-derived identifiers for relation records."""

from __future__ import annotations

from hashlib import blake2b


def record_id(prefix: str, *parts: object) -> str:
    """`prefix-<16 hex>` from the identifying parts: the same facts always get the same id.

    Parts are joined as text (`str(date)` is its ISO form, a StrEnum its value, None empty).
    """
    if None in parts:
        text = "\x1f".join(["" if p is None else str(p) for p in parts])
    else:
        text = "\x1f".join(map(str, parts))
    return prefix + "-" + blake2b(text.encode(), digest_size=8).hexdigest()


def node_key(label: str, ident: str) -> str:
    """The graph-wide key of a node: its label in lower case, a slash, and its id."""
    return f"{label.lower()}/{ident}"


def split_key(key: str) -> tuple[str, str]:
    """(label in lower case, id) of a node key."""
    label, _, ident = key.partition("/")
    return label, ident
