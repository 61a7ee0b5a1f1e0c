"""Fatal errors (`LrmxError`) and per-field problems (`LrmxIssue`) found in `.lrmx` files."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from graph.errors import InvalidInput

Severity = Literal["error", "warning"]


def _where(file: str, element: str | None, field: str | None, line_no: int | None) -> str:
    where = file
    if element or field:
        where += ": " + "/".join(part for part in (element, field) if part)
    if line_no is not None:
        where += f" line {line_no}"
    return where


class LrmxError(InvalidInput):
    """The file cannot be read as a 干部任免审批表 at all (or strict mode met an issue).

    `element` is the path of the element concerned (e.g. `Person/JiaTingChengYuan/Item[2]`)
    or None for whole-document problems; `field` is the child element tag, if any.
    """

    def __init__(self, file: str, element: str | None, field: str | None, reason: str,
                 *, line_no: int | None = None) -> None:
        super().__init__(f"{_where(file, element, field, line_no)}: {reason}")
        self.file = file
        self.element = element
        self.field = field
        self.reason = reason
        self.line_no = line_no


class LrmxIssue(BaseModel):
    """A problem confined to one element: the rest of the file still loads.

    `raw` holds the offending text (or the serialised element when the whole element was
    kept verbatim in `LrmxRecord.extra` instead of a typed field). `line_no` is the line
    inside the 简历 text for 简历 problems.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    element: str
    field: str | None = None
    reason: str
    raw: str | None = None
    line_no: int | None = None
    severity: Severity = "error"

    def describe(self, file: str) -> str:
        """A one-line message naming the file, element, field and reason."""
        return f"{_where(file, self.element, self.field, self.line_no)}: {self.reason}"

    def to_error(self, file: str) -> LrmxError:
        return LrmxError(file, self.element, self.field, self.reason, line_no=self.line_no)
