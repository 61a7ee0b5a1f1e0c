"""The LRMX load report: five tables, each with read = loaded + rejected.

- `lrmx_files`: one row per file; a file that cannot be read at all (malformed XML, wrong
  encoding, truncated, not a 任免审批表, no name) is rejected with the reader's message;
- `lrmx_fields`: each non-empty scalar value of the person and of the family members
  (简历 and 年度考核结果 have their own tables); a value that cannot be typed (date 1990.13,
  bad photo, malformed ID number) is rejected — its raw text is still kept on the person;
- `lrmx_family`: each 家庭成员 Item; one without a name, or empty, is rejected;
- `lrmx_resume`: each 简历 entry and the 现任职务; unreadable lines and entries naming no
  unit and post are rejected;
- `lrmx_assessments`: each (year, grade) read from 年度考核结果; fragments that cannot be read
  are rejected.
A reject's `field` is the element path (`Person/JiaTingChengYuan/Item[2]/XingMing`), its `row`
the 简历 line where there is one.
"""

from __future__ import annotations

import re

from ingest.lrmx.errors import LrmxError, LrmxIssue
from ingest.lrmx.record import FAMILY_TAGS, PERSON_TAGS, LrmxRecord
from ingest.lrmx.validate import item_path, member_items
from ingest.report import LoadReport, Reject

FILES, FIELDS, FAMILY = "lrmx_files", "lrmx_fields", "lrmx_family"
RESUME, REVIEWS = "lrmx_resume", "lrmx_assessments"
OWN_TABLES = ("JianLi", "NianDuKaoHeJieGuo")
_ITEM = re.compile(r"Person/JiaTingChengYuan/Item\[\d+\]")


def path(element: str | None, field: str | None) -> str | None:
    return "/".join(p for p in (element, field) if p) or None


def loaded(report: LoadReport, table: str, n: int = 1) -> None:
    count = report.count(table)
    count.read += n
    count.loaded += n


def reject(report: LoadReport, table: str, source: str, where: str | None, reason: str, *,
           row: int | None = None, value: str | None = None) -> None:
    report.count(table).read += 1
    report.reject(table, Reject(source, row, where, reason, value or ""))


def reject_issue(report: LoadReport, table: str, source: str, issue: LrmxIssue) -> None:
    reject(report, table, source, path(issue.element, issue.field), issue.reason,
           row=issue.line_no, value=issue.raw)


def file_failed(report: LoadReport, source: str, exc: LrmxError) -> None:
    reject(report, FILES, source, path(exc.element, exc.field), exc.reason, row=exc.line_no)


def family_rejects(report: LoadReport, record: LrmxRecord) -> None:
    """Items rejected by the parser (no name, or empty)."""
    for issue in record.issues:
        if _ITEM.fullmatch(issue.element) and issue.field in (None, "XingMing") and (
                "family member" in issue.reason):
            reject_issue(report, FAMILY, record.source, issue)


def fields(report: LoadReport, record: LrmxRecord, more: list[LrmxIssue]) -> None:
    """Each non-empty value loaded, unless an error issue (the parser's, or `more` from
    the loader) names it."""
    errors = {(i.element, i.field): i for i in [*record.issues, *more] if i.severity == "error"
              and i.field not in OWN_TABLES and not (
                  _ITEM.fullmatch(i.element) and "family member" in i.reason)}
    present = [("Person", tag) for tag, attr in PERSON_TAGS.items()
               if tag not in OWN_TABLES and (getattr(record, attr) or "").strip()]
    for member, number in zip(record.family, member_items(record), strict=True):
        present += [(item_path(number), tag) for tag, attr in FAMILY_TAGS.items()
                    if (getattr(member, attr) or "").strip()]
    for element, tag in present:
        if (element, tag) not in errors:
            loaded(report, FIELDS)
    for issue in errors.values():
        reject_issue(report, FIELDS, record.source, issue)
