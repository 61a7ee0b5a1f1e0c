"""Raw rows -> domain records, each failure a reject naming file, row and field."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from graph.model import Record
from ingest.report import BundleError, LoadReport, Reject
from ingest.roster.schema import Column, Parser, text_cell
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


@dataclass(frozen=True)
class _Plan:
    """How to read one table's cells: (cell index, attribute, parser or None for plain text,
    required, column name) per known column, and the extra (unknown) columns."""

    columns: list[tuple[int, str, Parser | None, bool, str]]
    extra: dict[int, str]
    width: int


def _plan(raw: RawTable) -> _Plan:
    known, extra = _header_map(raw)
    columns = [(i, col.attr, None if col.parse is text_cell else col.parse, col.required,
                col.name) for i, col in known.items()]
    return _Plan(columns, extra, len(raw.headers))


def _one(raw: RawTable, line: int, cells: list[str], plan: _Plan) -> Record | Reject:
    values: dict[str, Any] = {}
    count = len(cells)
    for i, attr, parse, required, name in plan.columns:
        text = cells[i].strip() if i < count else ""
        if not text:
            if required:
                return Reject(raw.file, line, name, "required value is empty")
            continue
        if parse is None:
            values[attr] = text
            continue
        try:
            values[attr] = parse(text)
        except ValueError as exc:
            return Reject(raw.file, line, name, str(exc), text)
    extra = {name: cells[i].strip() for i, name in plan.extra.items()
             if i < count and cells[i].strip()}
    if count > plan.width and any(c.strip() for c in cells[plan.width:]):
        return Reject(raw.file, line, None, f"{count} cells but {plan.width} headers")
    values["extra"] = extra
    try:
        return raw.table.model.model_validate(values)
    except ValidationError as exc:
        err = exc.errors()[0]
        field_name = ".".join(str(p) for p in err["loc"]) or None
        return Reject(raw.file, line, field_name, err["msg"])


def parse_rows(raw: RawTable, report: LoadReport) -> list[Row]:
    """Every row of a raw table as a record; failures go to the report."""
    plan = _plan(raw)
    out: list[Row] = []
    counts = report.count(raw.table.name)
    for line, cells in raw.rows:
        counts.read += 1
        result = _one(raw, line, cells, plan)
        if isinstance(result, Reject):
            report.reject(raw.table.name, result)
        else:
            out.append(Row(raw.file, line, result))
    return out
