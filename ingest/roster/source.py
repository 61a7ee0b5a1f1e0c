"""Raw tables from a CSV directory or an XLSX workbook: (row number, header -> text) rows."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ingest.report import BundleError
from ingest.roster.schema import TABLES, Table

ENCODINGS = ("utf-8-sig", "gb18030")


@dataclass
class RawTable:
    table: Table
    file: str
    headers: list[str]
    rows: list[tuple[int, list[str]]]


def _decode(path: Path) -> str:
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise BundleError(path.name, "cannot decode: not UTF-8, UTF-16 or GB18030/GBK text")


def _csv(table: Table, path: Path) -> RawTable:
    reader = csv.reader(io.StringIO(_decode(path), newline=""))
    try:
        headers = next(reader)
    except StopIteration:
        raise BundleError(path.name, "the file is empty (no header row)") from None
    except csv.Error as exc:
        raise BundleError(path.name, f"not a CSV file: {exc}", row=1) from exc
    rows: list[tuple[int, list[str]]] = []
    try:
        for cells in reader:
            if "".join(cells).strip():  # a blank row is skipped
                rows.append((reader.line_num, cells))
    except csv.Error as exc:
        raise BundleError(path.name, f"broken CSV: {exc}", row=reader.line_num) from exc
    return RawTable(table, path.name, headers, rows)


def _find_sheet(names: list[str], table: Table) -> str | None:
    for name in names:
        if name.strip().casefold() in (table.name, *table.sheet_aliases):
            return name
    return None


def _xlsx(path: Path) -> Iterator[RawTable]:
    from zipfile import BadZipFile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, BadZipFile, OSError, KeyError, ValueError) as exc:
        raise BundleError(path.name, f"not a readable .xlsx workbook: {exc}") from exc
    try:
        for table in TABLES:
            sheet_name = _find_sheet(book.sheetnames, table)
            if sheet_name is None:
                continue
            sheet = book[sheet_name]
            cells = [["" if v is None else _cell(v) for v in row]
                     for row in sheet.iter_rows(values_only=True)]
            file = f"{path.name}:{sheet_name}"
            if not cells:
                raise BundleError(file, "the sheet is empty (no header row)")
            rows = [(i, row) for i, row in enumerate(cells[1:], start=2)
                    if "".join(row).strip()]
            yield RawTable(table, file, cells[0], rows)
    finally:
        book.close()


def _cell(value: object) -> str:
    from datetime import date, datetime

    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_tables(path: Path) -> list[RawTable]:
    """Every table present in a bundle; a missing required table is a BundleError."""
    if not path.exists():
        raise BundleError(str(path), "no such file or directory")
    if path.is_file() and path.suffix.lower() == ".xlsx":
        found = list(_xlsx(path))
    elif path.is_dir():
        found = [_csv(t, path / t.filename) for t in TABLES if (path / t.filename).exists()]
    else:
        raise BundleError(path.name, "a roster bundle is a directory of CSV files or one .xlsx")
    present = {raw.table.name for raw in found}
    for table in TABLES:
        if table.required and table.name not in present:
            raise BundleError(str(path), f"required table {table.filename} is missing")
    return found
