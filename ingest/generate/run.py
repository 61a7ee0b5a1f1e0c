"""`generate`: a deterministic roster bundle of `cadres` cadres written to `out_dir`.

Blocks (counties, cities, provinces) are generated independently, each from its own random
stream, possibly in worker processes, and written in plan order: the same seed always gives
byte-identical files.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from ingest.generate.block import render_block
from ingest.generate.geo import Geography
from ingest.generate.plan import BlockSpec, plan
from ingest.generate.report import PLANTED_FILE, GenerateReport, PlantedConflict
from ingest.generate.rows import BlockOutput
from ingest.generate.writer import BundleWriter

Task = tuple[BlockSpec, Geography, int, float, int]


def _outputs(tasks: list[Task]) -> Iterator[BlockOutput]:
    """Rendered blocks in plan order: in forked worker processes where the platform forks
    (workers only compute; spawning would re-run the caller's main module), else here."""
    workers = min(os.cpu_count() or 1, 4, len(tasks))
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        yield from map(render_block, tasks)
        return
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        yield from pool.imap(render_block, tasks)


def generate(out_dir: Path, *, cadres: int = 8775, seed: int = 0, plant_rate: float = 0.0,
             as_of: date = date(2026, 1, 1),
             progress: Callable[[int], None] | None = None) -> GenerateReport:
    """Write a roster bundle (regions.csv ... trainings.csv) and planted.json to `out_dir`.

    `cadres`: persons holding a post on `as_of` (8,775 = one county like seed 000; more make
    ceil(cadres / 8775) counties, cities of ~8 counties and a province above them).
    `plant_rate`: the fraction of opportunities per planted rule (at least one per block and
    rule when positive) at which conflicts are planted; 0 plants none. `progress` is called
    with the number of rows just written, as they are written.
    """
    if not 0 <= plant_rate <= 1:
        raise ValueError(f"plant_rate must be between 0 and 1, not {plant_rate}")
    started = time.perf_counter()
    blocks, geo = plan(cadres, seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    planted: list[PlantedConflict] = []
    n_cadres = n_persons = 0
    tasks: list[Task] = [(spec, geo, seed, plant_rate, as_of.toordinal()) for spec in blocks]
    with BundleWriter(out_dir, progress) as writer:
        writer.write_rows("regions", ((r.code, r.name, r.parent) for r in geo.regions))
        for output in _outputs(tasks):
            writer.write_block(output)
            planted += output.planted
            n_cadres += output.cadres
            n_persons += output.persons
        rows = dict(writer.counts)
    text = json.dumps([p.to_json() for p in planted], ensure_ascii=False, indent=1)
    (out_dir / PLANTED_FILE).write_text(text + "\n", encoding="utf-8")
    return GenerateReport(out_dir, n_cadres, n_persons, rows, planted, len(blocks),
                          time.perf_counter() - started)
