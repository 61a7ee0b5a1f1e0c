"""The hardened lxml parser, and nodes kept verbatim (`ExtraNode`) to and from lxml."""

from __future__ import annotations

import copy

from lxml import etree

from ingest.lrmx.record import ExtraNode


def make_parser() -> etree.XMLParser:
    """A parser that never resolves entities, never touches the network or a DTD, and
    keeps libxml2's size limits (no `huge_tree`). Input must be UTF-8 bytes."""
    return etree.XMLParser(
        encoding="utf-8", resolve_entities=False, no_network=True, load_dtd=False,
        huge_tree=False, dtd_validation=False, attribute_defaults=False,
        remove_comments=False, remove_pis=False, recover=False)


def node_tag(node: etree._Element) -> str:
    """The element tag, or `#comment` / `#pi` / `#entity` for other node kinds."""
    if isinstance(node, etree._Comment):
        return "#comment"
    if isinstance(node, etree._ProcessingInstruction):
        return "#pi"
    if isinstance(node, etree._Entity):
        return "#entity"
    return str(node.tag)


def to_extra(node: etree._Element, parent: str, position: int) -> ExtraNode:
    """Serialise a node on its own, declaring only the namespaces it uses (so the same
    node gives the same text wherever it sits)."""
    node = copy.deepcopy(node)
    if isinstance(node.tag, str):
        etree.cleanup_namespaces(node)
    xml = etree.tostring(node, encoding="unicode", with_tail=False)
    return ExtraNode(parent=parent, position=position, tag=node_tag(node), text=node.text,
                     xml=xml)


def from_extra(extra: ExtraNode) -> etree._Element:
    """Rebuild the node from its serialisation (raises etree.XMLSyntaxError if invalid)."""
    wrapper = etree.fromstring(f"<w>{extra.xml}</w>".encode(), make_parser())
    return wrapper[0]


def make_extra(parent: str, position: int, tag: str, text: str | None) -> ExtraNode:
    """An `ExtraNode` for a simple `<tag>text</tag>` element, as the parser would record it
    (an empty text is recorded as None, as for `<tag/>`)."""
    element = etree.Element(tag)
    element.text = text or None
    return to_extra(element, parent, position)
