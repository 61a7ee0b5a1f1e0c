"""Read an `.lrmx` file (root element `Person`) into an `LrmxRecord`.

Fatal (raise `LrmxError`): unreadable, empty or oversized file; bytes not valid in any
plausible encoding (including a multi-byte character cut off at the end); malformed or
truncated XML; a DTD declaring entities (never expanded); root element not `Person`.
Everything else is an issue on the record, and no element is dropped silently: each one
ends in a typed field, in `record.extra` (verbatim, written back on export) or in an issue.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from lxml import etree

from ingest.lrmx.collect import Collector, collect_family
from ingest.lrmx.decode import decode_document
from ingest.lrmx.errors import LrmxError, LrmxIssue
from ingest.lrmx.nodes import make_parser, node_tag
from ingest.lrmx.record import PERSON_TAGS, ROOT_TAG, FamilyMember, LrmxRecord
from ingest.lrmx.validate import person_issues

MAX_BYTES = 20 * 1024 * 1024
_NOT_FINISHED = 77  # libxml2 XML_ERR_TAG_NOT_FINISHED: "Premature end of data"
_NOT_TRUNCATION = {5, 76}  # extra content after the root; closing tag mismatch


def _read(source_data: str | os.PathLike[str] | bytes, source: str) -> bytes:
    if isinstance(source_data, bytes):
        data = source_data
    else:
        path = Path(source_data)
        try:
            if path.stat().st_size > MAX_BYTES:
                raise LrmxError(source, None, None, f"file larger than {MAX_BYTES} bytes")
            data = path.read_bytes()
        except OSError as exc:
            raise LrmxError(source, None, None, f"cannot read file: {exc.strerror}") from None
    if len(data) > MAX_BYTES:
        raise LrmxError(source, None, None, f"file larger than {MAX_BYTES} bytes")
    return data


def _xml(text: str, source: str) -> etree._Element:
    try:
        return etree.fromstring(text.encode("utf-8"), make_parser())
    except etree.XMLSyntaxError as exc:
        lines = text.rstrip().splitlines() or [""]
        line, column = exc.position
        code = getattr(exc, "code", None)  # missing from lxml-stubs
        at_end = line >= len(lines) and column >= len(lines[-1]) - 2
        truncated = code == _NOT_FINISHED or (at_end and code not in _NOT_TRUNCATION)
        tag = re.search(r"(?:in tag|mismatch:) (\S+)", exc.msg)
        kind = "truncated file" if truncated else "malformed XML"
        raise LrmxError(source, tag.group(1) if tag else None, None,
                        f"{kind}: {exc.msg}") from None


def _document_checks(root: etree._Element, source: str, out: Collector) -> None:
    tree = root.getroottree()
    dtd = tree.docinfo.internalDTD
    doctype: str = getattr(tree.docinfo, "doctype", "")  # missing from lxml-stubs
    if (dtd is not None and dtd.entities()) or any(  # type: ignore[attr-defined]
            isinstance(n, etree._Entity) for n in root.iter()):
        raise LrmxError(source, "DOCTYPE", None, "entity declarations are not allowed in an "
                        ".lrmx file (entities are never expanded)")
    if doctype:
        out.issues.append(LrmxIssue(element="DOCTYPE", reason="DOCTYPE declaration ignored "
                                    "(not kept on export)", raw=doctype,
                                    severity="warning"))
    for sibling in [*root.itersiblings(preceding=True), *root.itersiblings()]:
        out.issues.append(LrmxIssue(element="document", field=node_tag(sibling),
                                    reason="node outside the Person element ignored",
                                    raw=etree.tostring(sibling, encoding="unicode",
                                                       with_tail=False), severity="warning"))
    if root.tag != ROOT_TAG:
        raise LrmxError(source, str(root.tag), None,
                        f"root element is <{root.tag}>, expected <{ROOT_TAG}>")


def parse_lrmx(path_or_bytes: str | os.PathLike[str] | bytes, *, source: str,
               strict: bool = False) -> LrmxRecord:
    """Parse one `.lrmx` file (a path or its bytes); `source` names it in errors and issues.

    With `strict`, the first issue of severity "error" is raised as an `LrmxError`.
    """
    decoded = decode_document(_read(path_or_bytes, source), source)
    root = _xml(decoded.text, source)
    out = Collector()
    out.issues += decoded.issues
    _document_checks(root, source, out)
    family: list[FamilyMember] = []
    values = out.fields(root, ROOT_TAG, PERSON_TAGS,
                        on_family=lambda node, _position: collect_family(node, out, family))
    record = LrmxRecord.model_validate({
        **values, "source": source, "family": family, "extra": out.extra,
        "person_attributes": dict(root.attrib),
        "person_namespaces": {k: v for k, v in root.nsmap.items() if k is not None}})
    record.issues = out.issues + person_issues(record)
    if strict:
        for issue in record.issues:
            if issue.severity == "error":
                raise issue.to_error(source)
    return record
