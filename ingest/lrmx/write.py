"""Write an `LrmxRecord` back as an `.lrmx` file in the official layout (UTF-8).

Elements come in official order; fields that are None are left out; nodes kept verbatim
in `record.extra` go back to their recorded positions, so `parse_lrmx(write_lrmx(r))`
gives `r` again.
"""

from __future__ import annotations

from lxml import etree

from ingest.lrmx.errors import LrmxError
from ingest.lrmx.nodes import from_extra
from ingest.lrmx.record import (
    FAMILY_TAG,
    FAMILY_TAGS,
    ITEM_TAG,
    LAYOUT,
    PERSON_TAGS,
    ROOT_TAG,
    ExtraNode,
    LrmxRecord,
)
from ingest.lrmx.validate import item_path

DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'
_INDENT = "  "


def _child(parent: etree._Element, tag: str, text: str, source: str, path: str) -> None:
    element = etree.SubElement(parent, tag)
    try:
        element.text = text
    except ValueError:
        raise LrmxError(source, path, tag, "text contains characters not allowed in XML"
                        ) from None


def _restore(parent: etree._Element, path: str, extras: list[ExtraNode], source: str,
             placed: set[int]) -> None:
    """Insert the verbatim nodes recorded under `path` at their positions, in order."""
    mine = sorted((i for i, e in enumerate(extras) if e.parent == path),
                  key=lambda i: extras[i].position)
    for i in mine:
        try:
            node = from_extra(extras[i])
        except etree.XMLSyntaxError as exc:
            raise LrmxError(source, path, extras[i].tag,
                            f"extra node is not well-formed XML: {exc.msg}") from None
        parent.insert(min(extras[i].position, len(parent)), node)
        placed.add(i)


def _layout(element: etree._Element, level: int) -> None:
    """Indent the direct children of an element the writer built (not verbatim ones)."""
    if len(element) == 0:
        return
    element.text = "\n" + _INDENT * (level + 1)
    for child in element:
        child.tail = "\n" + _INDENT * (level + 1)
    element[-1].tail = "\n" + _INDENT * level


def _family(root: etree._Element, record: LrmxRecord, placed: set[int]) -> None:
    container = etree.SubElement(root, FAMILY_TAG)
    built: list[etree._Element] = []
    for number, member in enumerate(record.family, start=1):
        item = etree.SubElement(container, ITEM_TAG)
        built.append(item)
        for tag, attribute in FAMILY_TAGS.items():
            value: str | None = getattr(member, attribute)
            if value is not None:
                _child(item, tag, value, record.source, item_path(number))
    path = f"{ROOT_TAG}/{FAMILY_TAG}"
    _restore(container, path, record.extra, record.source, placed)
    items = [child for child in container if child.tag == ITEM_TAG]
    for number, item in enumerate(items, start=1):
        _restore(item, item_path(number), record.extra, record.source, placed)
    for item in built:
        _layout(item, 2)
    _layout(container, 1)


def write_lrmx(record: LrmxRecord) -> bytes:
    """The record as `.lrmx` bytes: UTF-8, root `Person`, official element names and order."""
    root = etree.Element(ROOT_TAG, nsmap=record.person_namespaces or None)
    for name, value in record.person_attributes.items():
        root.set(name, value)
    placed: set[int] = set()
    for tag in LAYOUT:
        if tag == FAMILY_TAG:
            _family(root, record, placed)
            continue
        text: str | None = getattr(record, PERSON_TAGS[tag])
        if text is not None:
            _child(root, tag, text, record.source, ROOT_TAG)
    _restore(root, ROOT_TAG, record.extra, record.source, placed)
    _layout(root, 0)
    lost = [e for i, e in enumerate(record.extra) if i not in placed]
    if lost:
        raise LrmxError(record.source, lost[0].parent, lost[0].tag,
                        "extra node refers to a parent element that is not written")
    return DECLARATION + etree.tostring(root, encoding="utf-8")
