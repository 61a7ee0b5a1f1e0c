"""Same seed, same bytes; another seed, another county; larger sizes build cities."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from ingest.generate import generate
from ingest.generate.plan import plan
from ingest.roster.schema import TABLES


def _digest(path: Path) -> dict[str, str]:
    names = [t.filename for t in TABLES] + ["planted.json"]
    return {n: hashlib.sha256((path / n).read_bytes()).hexdigest() for n in names}


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    a = generate(tmp_path / "a", cadres=1500, seed=3, plant_rate=0.2)
    b = generate(tmp_path / "b", cadres=1500, seed=3, plant_rate=0.2)
    assert a.rows == b.rows and a.cadres == b.cadres == 1500
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b")
    generate(tmp_path / "c", cadres=1500, seed=4, plant_rate=0.2)
    assert _digest(tmp_path / "c")["persons.csv"] != _digest(tmp_path / "a")["persons.csv"]


def test_progress_counts_every_row(tmp_path: Path) -> None:
    seen: list[int] = []
    report = generate(tmp_path, cadres=600, progress=seen.append)
    assert sum(seen) == report.total_rows and all(n > 0 for n in seen)


def test_layout_of_larger_sizes() -> None:
    blocks, geo = plan(100_000, 0)
    levels = [b.level for b in blocks]
    assert levels.count("county") == 12 and levels.count("city") == 2
    assert levels.count("province") == 1 and sum(b.cadres for b in blocks) == 100_000
    codes = {r.code for r in geo.regions}
    for block in blocks:
        assert block.code in codes
        assert block.parent_code in codes or block.level == "province"
        assert all(len(t) == 9 and t.startswith(block.code) for t, _ in block.townships)
    with pytest.raises(ValueError):
        plan(10, 0)
