"""The 简历 (JianLi) text parsed into career spells.

One entry per line: `start--end  text`. Lines without a date (or inside an open bracket)
continue the previous entry; `（其间：…；…）` groups become sub-spells linked to their parent.
Every line ends in a spell or in an issue that names it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from ingest.lrmx.errors import LrmxIssue, Severity
from ingest.lrmx.jianli_gaps import SpellDiscrepancy, spell_gaps_and_overlaps
from ingest.lrmx.jianli_text import (
    LOOKS_DATED,
    RANGE,
    SpellKind,
    ascii_digits,
    classify,
    paren_depth,
    range_dates,
    split_group,
    split_groups,
    split_unit_posts,
)

__all__ = ["JianliResult", "ResumeSpell", "SpellDiscrepancy", "parse_jianli",
           "spell_gaps_and_overlaps"]


class ResumeSpell(BaseModel):
    """One career spell. `end` None means current (`至今` or no end written).

    `text` is the entry after the dates (wrapped lines joined, full-width digits made
    ASCII); `raw` is the entry's lines as written; `notes` are parenthesised remarks
    such as `正处级`; `parent_index` points into the same spell list for `其间` sub-spells.
    `part_time` marks study during work (`在职`, `函授`, or study inside a work spell).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    start: date
    end: date | None
    text: str
    unit_text: str | None
    post_texts: list[str] = Field(default_factory=list)
    kind: SpellKind
    part_time: bool = False
    notes: list[str] = Field(default_factory=list)
    parent_index: int | None = None
    line_no: int
    raw: str

    @property
    def current(self) -> bool:
        return self.end is None


class JianliResult(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    spells: list[ResumeSpell] = Field(default_factory=list)
    issues: list[LrmxIssue] = Field(default_factory=list)


@dataclass
class _Draft:
    line_no: int
    lines: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The lines joined, full-width digits made ASCII (raw lines stay as written)."""
        return ascii_digits("".join(self.lines))


def _issue(line_no: int, reason: str, raw: str, severity: Severity = "error") -> LrmxIssue:
    return LrmxIssue(element="Person", field="JianLi", reason=reason, raw=raw,
                     line_no=line_no, severity=severity)


def _starts_entry(line: str, stripped: str, draft: _Draft | None) -> bool:
    stripped = ascii_digits(stripped)
    match = RANGE.match(stripped)
    indented = line[:1].isspace()
    if draft is not None and paren_depth(draft.text) > 0:
        # Inside `（其间：…`: only an unindented full range that does not close the
        # bracket is taken as a new entry (the previous one forgot its bracket).
        return bool(match and match["sep"] and not indented and paren_depth(
            "(" + stripped) > 0)
    if match:
        return bool(match["sep"]) or not indented
    return not indented and bool(LOOKS_DATED.match(stripped))


def _collect(text: str) -> tuple[list[_Draft], list[LrmxIssue]]:
    drafts: list[_Draft] = []
    issues: list[LrmxIssue] = []
    after_blank = False
    for line_no, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped:
            after_blank = True
            continue
        draft = drafts[-1] if drafts else None
        if _starts_entry(line, stripped, draft):
            if draft is not None and paren_depth(draft.text) > 0:
                issues.append(_issue(draft.line_no, "unclosed bracket in this entry",
                                     draft.text, "warning"))
            drafts.append(_Draft(line_no, [stripped]))
        elif draft is not None and (not after_blank or paren_depth(draft.text) > 0):
            draft.lines.append(stripped)
        else:
            where = "before the first dated entry" if draft is None else "after a blank line"
            issues.append(_issue(line_no, f"line without a date {where}; not attached to any "
                                 "entry", stripped, "warning"))
        after_blank = False
    return drafts, issues


def _emit(draft: _Draft, spells: list[ResumeSpell], issues: list[LrmxIssue]) -> None:
    raw = "\n".join(draft.lines)
    match = RANGE.match(draft.text)
    if match is None:
        issues.append(_issue(draft.line_no, "unrecognised date at the start of the line", raw))
        return
    try:
        start, end, warning = range_dates(match["start"], match["end"], match["sep"])
    except ValueError as exc:
        issues.append(_issue(draft.line_no, str(exc), raw))
        return
    if warning:
        issues.append(_issue(draft.line_no, warning, raw, "warning"))
    text = match["text"].strip()
    main, groups, balanced = split_groups(text)
    if not balanced:
        issues.append(_issue(draft.line_no, "unbalanced brackets", raw, "warning"))
    kind, part_time = classify(main)
    unit, posts = split_unit_posts(main, kind)
    notes: list[str] = []
    subs: list[str] = []
    for group in groups:
        note, entries = split_group(group)
        notes += [note] if note else []
        subs += entries
    parent = ResumeSpell(start=start, end=end, text=text, unit_text=unit, post_texts=posts,
                         kind=kind, part_time=part_time, notes=notes,
                         line_no=draft.line_no, raw=raw)
    spells.append(parent)
    parent_index = len(spells) - 1
    for sub in subs:
        _emit_sub(sub, parent, parent_index, spells, issues)


def _emit_sub(sub: str, parent: ResumeSpell, parent_index: int,
              spells: list[ResumeSpell], issues: list[LrmxIssue]) -> None:
    start, end, text = parent.start, parent.end, sub
    match = RANGE.match(sub)
    if match:
        try:
            start, end, warning = range_dates(match["start"], match["end"], match["sep"])
        except ValueError as exc:
            issues.append(_issue(parent.line_no, f"sub-entry {sub!r}: {exc}", parent.raw))
            return
        if warning:
            issues.append(_issue(parent.line_no, warning, parent.raw, "warning"))
        if match["sep"] is None or match["end"] is None:
            # A start with no end is bounded by the parent spell.
            end = parent.end if parent.end is None or parent.end >= start else start
        text = match["text"].strip()
        if start < parent.start or (parent.end is not None and start > parent.end):
            issues.append(_issue(parent.line_no, f"sub-entry {sub!r} starts outside its "
                                 "parent spell", parent.raw, "warning"))
    kind, part_time = classify(text, parent_kind=parent.kind)
    unit, posts = split_unit_posts(text, kind)
    spells.append(ResumeSpell(start=start, end=end, text=text, unit_text=unit,
                              post_texts=posts, kind=kind, part_time=part_time,
                              parent_index=parent_index, line_no=parent.line_no,
                              raw=parent.raw))


def parse_jianli(text: str) -> JianliResult:
    """Parse 简历 text into spells (parents followed by their sub-spells) and issues."""
    drafts, issues = _collect(text)
    spells: list[ResumeSpell] = []
    for draft in drafts:
        _emit(draft, spells, issues)
    issues.sort(key=lambda issue: issue.line_no or 0)
    return JianliResult(spells=spells, issues=issues)
