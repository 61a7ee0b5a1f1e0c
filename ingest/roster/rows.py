"""Raw rows -> domain records, each failure a reject naming file, row and field."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from graph.model import Record
from ingest.report import BundleError, LoadReport, Reject
from ingest.roster.schema import Column
from ingest.roster.source import RawTable


@dataclass(frozen=True)
class Row:
    file: str
    line: int
    record: Record


def _header_map(raw: RawTable) -> tuple[dict[int, Column], dict[int, str]]:
    by_name: dict[str, Column] = {}
    for col in raw.table.columns:
        for name in (col.name, *col.aliases):
            by_name[name.casefold()] = col
    known: dict[int, Column] = {}
    extra: dict[int, str] = {}
    for i, text in enumerate(raw.headers):
        name = text.strip().lstrip("\ufeff")
        found = by_name.get(name.casefold())
        if found is None:
            if name:
                extra[i] = name
        elif found in known.values():
            raise BundleError(raw.file, f"column {found.name} appears twice", row=1,
                              field_name=name)
        else:
            known[i] = found
    missing = [c.name for c in raw.table.columns if c.required and c not in known.values()]
    if missing:
        aliases = [f"{c.name} ({'/'.join(c.aliases)})" for c in raw.table.columns
                   if c.name in missing]
        raise BundleError(raw.file, f"required column missing: {', '.join(aliases)}", row=1)
    return known, extra


def _one(raw: RawTable, line: int, cells: list[str], known: dict[int, Column],
         extra_cols: dict[int, str]) -> Record | Reject:
    values: dict[str, Any] = {}
    for i, col in known.items():
        text = cells[i].strip() if i < len(cells) else ""
        if not text:
            if col.required:
                return Reject(raw.file, line, col.name, "required value is empty")
            continue
        try:
            values[col.attr] = col.parse(text)
        except ValueError as exc:
            return Reject(raw.file, line, col.name, str(exc), text)
    extra = {name: cells[i].strip() for i, name in extra_cols.items()
             if i < len(cells) and cells[i].strip()}
    if len(cells) > len(raw.headers) and any(c.strip() for c in cells[len(raw.headers):]):
        return Reject(raw.file, line, None, f"{len(cells)} cells but {len(raw.headers)} headers")
    try:
        return raw.table.model.model_validate({**values, "extra": extra})
    except ValidationError as exc:
        err = exc.errors()[0]
        field_name = ".".join(str(p) for p in err["loc"]) or None
        return Reject(raw.file, line, field_name, err["msg"])


def parse_rows(raw: RawTable, report: LoadReport) -> list[Row]:
    """Every row of a raw table as a record; failures go to the report."""
    known, extra_cols = _header_map(raw)
    out: list[Row] = []
    for line, cells in raw.rows:
        report.count(raw.table.name).read += 1
        result = _one(raw, line, cells, known, extra_cols)
        if isinstance(result, Reject):
            report.reject(raw.table.name, result)
        else:
            out.append(Row(raw.file, line, result))
    return out
