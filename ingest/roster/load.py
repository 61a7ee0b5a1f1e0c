"""Read a roster bundle: tables -> rows -> checked Bundle, with the reconciliation report."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from graph.bulk import no_gc
from graph.model import Bundle
from ingest.report import LoadReport
from ingest.roster.rows import parse_rows
from ingest.roster.source import read_tables
from ingest.roster.validate import Known, validate


def _nothing_known(keys: Iterable[str]) -> set[str]:
    return set()


def read_bundle(path: Path, known: Known = _nothing_known) -> tuple[Bundle, LoadReport]:
    """A bundle and its report: read = loaded + rejected for every table."""
    report = LoadReport()
    with no_gc():
        tables = {raw.table.name: parse_rows(raw, report) for raw in read_tables(path)}
        bundle = validate(tables, report, known)
    return bundle, report
