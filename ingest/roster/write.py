"""Write a Bundle as a roster bundle directory (CSV, UTF-8, English headers)."""

from __future__ import annotations

import csv
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from graph.model import Bundle, Record
from ingest.roster.schema import TABLES, Table, bundle_field


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return ";".join(value)
    return str(value)


def write_table(table: Table, records: list[Record], path: Path) -> None:
    extra_names = sorted({k for r in records for k in r.extra})
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow([c.name for c in table.columns] + extra_names)
        for record in records:
            writer.writerow([_cell(getattr(record, c.attr)) for c in table.columns]
                            + [record.extra.get(n, "") for n in extra_names])


def write_bundle_dir(bundle: Bundle, directory: Path) -> list[Path]:
    """Every table (required ones even when empty) as `<name>.csv`."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for table in TABLES:
        records: list[Record] = list(getattr(bundle, bundle_field(table)))
        if records or table.required:
            path = directory / table.filename
            write_table(table, records, path)
            written.append(path)
    return written
