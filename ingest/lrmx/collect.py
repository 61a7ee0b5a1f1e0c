"""Walk the children of Person, the family list and its items: typed values, nodes kept
verbatim, and issues."""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from ingest.lrmx.errors import LrmxIssue, Severity
from ingest.lrmx.nodes import node_tag, to_extra
from ingest.lrmx.record import FAMILY_TAG, FAMILY_TAGS, ITEM_TAG, ROOT_TAG, ExtraNode, FamilyMember
from ingest.lrmx.validate import item_path, member_issues


class Collector:
    """Typed values, verbatim nodes and issues gathered while walking one element."""

    def __init__(self) -> None:
        self.extra: list[ExtraNode] = []
        self.issues: list[LrmxIssue] = []

    def keep(self, node: etree._Element, parent: str, position: int, reason: str | None = None,
             *, element: str | None = None, field: str | None = None,
             severity: Severity = "warning") -> None:
        extra = to_extra(node, parent, position)
        self.extra.append(extra)
        if reason:
            self.issues.append(LrmxIssue(element=element or parent,
                                         field=field if element else extra.tag,
                                         reason=reason, raw=extra.xml, severity=severity))

    def stray(self, text: str | None, element: str) -> None:
        if text and text.strip():
            self.issues.append(LrmxIssue(element=element, reason="text outside any element "
                                         "(not kept on export)", raw=text.strip(),
                                         severity="warning"))

    def attributes(self, node: etree._Element, element: str) -> None:
        if node.attrib:
            self.issues.append(LrmxIssue(element=element, field=node_tag(node),
                                         reason="unexpected attributes (not kept on export)",
                                         raw=str({str(k): str(v) for k, v in node.attrib.items()}),
                                         severity="warning"))

    def fields(self, node: etree._Element, path: str, tags: dict[str, str],
               on_family: Callable[[etree._Element, int], None] | None = None,
               ) -> dict[str, str]:
        """Text of the known children of `node`; everything else is kept verbatim.
        The family list, when `on_family` is given, is handed to it."""
        values: dict[str, str] = {}
        seen: set[str] = set()
        self.stray(node.text, path)
        for position, child in enumerate(node):
            self.stray(child.tail, path)
            tag = node_tag(child)
            known = tag in tags or (on_family is not None and tag == FAMILY_TAG)
            if not known:
                self.keep(child, path, position)
            elif tag in seen:
                self.keep(child, path, position, f"duplicate <{tag}>; kept verbatim in extra")
            elif on_family is not None and tag == FAMILY_TAG:
                seen.add(tag)
                on_family(child, position)
            elif len(child):
                seen.add(tag)
                self.keep(child, path, position, f"<{tag}> contains markup; kept verbatim "
                          "in extra")
            else:
                seen.add(tag)
                self.attributes(child, path)
                values[tags[tag]] = child.text or ""
        return values


def collect_family(node: etree._Element, out: Collector, members: list[FamilyMember]) -> None:
    """Accepted members go to `members`; a member without a name is rejected whole (kept
    verbatim in `out.extra`, with an issue), so the other members still load."""
    path = f"{ROOT_TAG}/{FAMILY_TAG}"
    out.attributes(node, ROOT_TAG)
    out.stray(node.text, path)
    number = 0
    for index, child in enumerate(node):
        out.stray(child.tail, path)
        if node_tag(child) != ITEM_TAG:
            out.keep(child, path, index)
            continue
        number += 1
        inner = Collector()
        values = inner.fields(child, item_path(number), FAMILY_TAGS)
        name = values.get("name", "")
        if not name.strip():
            empty = not any(v.strip() for v in values.values()) and not inner.extra
            reason = ("empty family member; kept verbatim in extra" if empty else
                      "family member has no name (XingMing); rejected, kept verbatim in extra")
            out.keep(child, path, index, reason, element=item_path(number),
                     field=None if empty else "XingMing",
                     severity="warning" if empty else "error")
            continue
        out.attributes(child, path)
        member = FamilyMember.model_validate(values)
        members.append(member)
        out.extra += inner.extra
        out.issues += inner.issues + member_issues(member, item_path(number))
