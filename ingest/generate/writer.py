"""Streaming the bundle's CSV files: one open file per table, English headers first."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from types import TracebackType
from typing import IO

from ingest.generate.rows import BlockOutput
from ingest.roster.schema import TABLE_BY_NAME, TABLES, header


class BundleWriter:
    def __init__(self, out_dir: Path, progress: Callable[[int], None] | None = None) -> None:
        self.out_dir = out_dir
        self.progress = progress
        self.files: dict[str, IO[str]] = {}
        self.counts: dict[str, int] = {}

    def __enter__(self) -> BundleWriter:
        for table in TABLES:
            f = (self.out_dir / table.filename).open("w", encoding="utf-8", newline="")
            csv.writer(f, lineterminator="\n").writerow(header(table))
            self.files[table.name] = f
            self.counts[table.filename] = 0
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        for f in self.files.values():
            f.close()

    def _done(self, table: str, rows: int) -> None:
        self.counts[TABLE_BY_NAME[table].filename] += rows
        if self.progress and rows:
            self.progress(rows)

    def write_rows(self, table: str, rows: Iterable[Sequence[object]]) -> None:
        writer = csv.writer(self.files[table], lineterminator="\n")
        count = 0
        for row in rows:
            writer.writerow(row)
            count += 1
        self._done(table, count)

    def write_block(self, output: BlockOutput) -> None:
        for table, text in output.texts.items():
            self.files[table].write(text)
            self._done(table, output.counts[table])
