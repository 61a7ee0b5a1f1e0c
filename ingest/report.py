"""What happened to every input row: loaded, or rejected with file, row, field and reason."""

from __future__ import annotations

import csv
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from graph.errors import InvalidInput


class BundleError(InvalidInput):
    """Input that cannot be read at all (a missing file or column, a broken workbook)."""

    def __init__(self, file: str, reason: str, *, row: int | None = None,
                 field_name: str | None = None) -> None:
        where = file + (f", row {row}" if row is not None else "")
        where += f", field {field_name}" if field_name else ""
        super().__init__(f"{where}: {reason}")
        self.file, self.row, self.field, self.reason = file, row, field_name, reason


@dataclass(frozen=True)
class Reject:
    file: str
    row: int | None
    field: str | None
    reason: str
    value: str = ""

    def __str__(self) -> str:
        where = self.file + (f" row {self.row}" if self.row is not None else "")
        return f"{where}" + (f" [{self.field}]" if self.field else "") + f": {self.reason}"


@dataclass
class TableCount:
    read: int = 0
    loaded: int = 0
    rejected: int = 0


@dataclass
class LoadReport:
    counts: dict[str, TableCount] = field(default_factory=dict)
    rejects: list[Reject] = field(default_factory=list)

    def count(self, table: str) -> TableCount:
        return self.counts.setdefault(table, TableCount())

    def reject(self, table: str, item: Reject) -> None:
        self.rejects.append(item)
        self.count(table).rejected += 1

    @property
    def read(self) -> int:
        return sum(c.read for c in self.counts.values())

    @property
    def loaded(self) -> int:
        return sum(c.loaded for c in self.counts.values())

    @property
    def balanced(self) -> bool:
        """Nothing lost: every row read was loaded or rejected."""
        return all(c.read == c.loaded + c.rejected for c in self.counts.values())

    def write(self, directory: Path) -> tuple[Path, Path]:
        """The reject report as CSV and JSON (file, row, field, reason, value)."""
        directory.mkdir(parents=True, exist_ok=True)
        csv_path, json_path = directory / "rejects.csv", directory / "rejects.json"
        with csv_path.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(["file", "row", "field", "reason", "value"])
            for r in self.rejects:
                writer.writerow([r.file, r.row or "", r.field or "", r.reason, r.value])
        json_path.write_text(json.dumps(
            {"counts": {k: asdict(v) for k, v in self.counts.items()},
             "rejects": [asdict(r) for r in self.rejects]}, ensure_ascii=False, indent=1),
            encoding="utf-8")
        return csv_path, json_path
