"""Ingest throughput of each store (issue 3): LRMX files per second and roster rows per second,
with the resolution precision and recall of the same LRMX load.

    python -m bench.ingest_bench [--files 500] [--cadres 10000] [--stores embedded neo4j]

- roster rows/s: `read_bundle` + `write_bundle` of the generated bundle `bench/results/
  bundle-N` (seed 1, as in load_bench; generated when missing) into an empty store; rows are
  the input CSV rows read (every table: persons with their relatives, kinship, holdings ...);
- LRMX files/s: one `load_lrmx` call (read, parse, map, resolve, write, merge, save the
  decisions) on a directory of `--files` forms, into a fresh store that already holds the
  roster of cadres — what real use looks like: forms arrive for a graph that holds the
  organisation's cadres, and the relatives they declare are resolved against it. The forms
  and the roster come from `tests/ingest/resolve/precision.py`: the roster is the bundle's
  cadres (persons with a holding, their units, posts, holdings, roles, assessments, trainings
  and the kinship among them); a form is the cadre as `export_lrmx` writes it, with the
  family the cadre declares, without ID numbers, and a decoy namesake on half the forms.
  Writing the roster is not timed here;
- resolution: precision, recall and the outcome counts of that same load (procedure in
  precision.py). Also, once, on an in-memory embedded store: the variant whose decoys may be
  namesakes of the true relatives (`twins="any"`), a lower bound for recall.

Each store runs in its own subprocess. Neo4j: the 5.26 test server from tests/support (heap
and page cache 2g), or NEO4J_URI when set. Results: bench/results/ingest.json. A benchmark
reports figures; it does not pass or fail.
"""

from __future__ import annotations

import argparse
import json
import pickle
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import bench_store, ensure_bundle, neo4j_env
from bench.load_bench import run_one as load_run
from graph.store.embedded import EmbeddedStore
from tests.ingest.resolve.precision import Scenario, build_scenario, run_scenario

SEED = 1


def roster_rate(kind: str, bundle_dir: Path) -> dict[str, Any]:
    """Read and write the whole bundle into an empty store (`bench.load_bench`'s run), as
    rows per second."""
    got = load_run(bundle_dir, kind)
    seconds = got["read_s"] + got["write_s"]
    return {"rows": got["rows_read"], "rows_loaded": got["rows"], "entities": got["entities"],
            "read_s": got["read_s"], "write_s": got["write_s"],
            "rows_per_s": round(got["rows_read"] / seconds),
            "write_rows_per_s": round(got["rows_read"] / got["write_s"])}


def lrmx_rate(kind: str, scenario: Scenario, work: Path) -> dict[str, Any]:
    """Load the forms into a fresh store holding the roster of cadres; resolution figures."""
    store = bench_store(kind, work / "lrmx")
    result = run_scenario(store, scenario, work / "lrmx" / "data")
    store.clear()
    store.close()
    figures = result.as_json()
    lrmx = {"files": result.files, "items": result.items, "load_s": figures.pop("load_s"),
            "files_per_s": figures.pop("files_per_s"),
            "roster_persons": len(scenario.roster.persons),
            "rejects": figures.pop("rejects"), "balanced": figures.pop("balanced")}
    return {"lrmx": lrmx, "resolution": figures}


def run_one(kind: str, bundle_dir: Path, scenario_file: Path) -> dict[str, Any]:
    scenario: Scenario = pickle.loads(scenario_file.read_bytes())
    with tempfile.TemporaryDirectory() as tmp:
        row = {"store": kind, "roster": roster_rate(kind, bundle_dir),
               **lrmx_rate(kind, scenario, Path(tmp))}
    row["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return row


def summary(row: dict[str, Any]) -> str:
    res = row["resolution"]
    return (f"{row['store']:>8}: roster {row['roster']['rows_per_s']:,} rows/s "
            f"({row['roster']['rows']:,} rows), LRMX {row['lrmx']['files_per_s']} files/s "
            f"({row['lrmx']['files']} files, {row['lrmx']['load_s']} s); precision "
            f"{res['precision']}, recall {res['recall']} ({res['found']}/"
            f"{res['true_duplicates']}), false merges {res['false_merges']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=500)
    parser.add_argument("--cadres", type=int, default=10_000)
    parser.add_argument("--stores", nargs="+", default=["embedded", "neo4j"])
    parser.add_argument("--out", type=Path, default=Path("bench/results"))
    parser.add_argument("--one", nargs=3, metavar=("STORE", "BUNDLE", "SCENARIO"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        kind, bundle_dir, scenario_file = args.one
        row = run_one(kind, Path(bundle_dir), Path(scenario_file))
        print(json.dumps(row, ensure_ascii=False))
        return
    started = time.perf_counter()
    bundle_dir = ensure_bundle(args.cadres, seed=SEED, where=args.out)
    rows: list[dict[str, Any]] = []
    with neo4j_env(args.stores) as env, tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        scenario = build_scenario(work / "undeclared", cadres=args.cadres, files=args.files,
                                  seed=SEED, bundle_dir=bundle_dir)
        scenario_file = work / "scenario.pickle"
        scenario_file.write_bytes(pickle.dumps(scenario))
        for kind in args.stores:
            done = subprocess.run(
                [sys.executable, "-m", "bench.ingest_bench", "--one", kind,
                 str(bundle_dir), str(scenario_file)],
                env=env, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                sys.exit(f"{kind} failed:\n{done.stderr}")
            row = json.loads(done.stdout.splitlines()[-1])
            rows.append(row)
            print(summary(row), flush=True)
        shadowed = build_scenario(work / "any", cadres=args.cadres, files=args.files,
                                  seed=SEED, twins="any", bundle_dir=bundle_dir)
        any_twins = run_scenario(EmbeddedStore(None), shadowed, work / "any" / "data")
        print(f"twins=any (embedded): {any_twins.summary()}", flush=True)
    results = {"cadres": args.cadres, "files": args.files, "seed": SEED,
               "bundle": str(bundle_dir), "stores": rows,
               "resolution_twins_any": any_twins.as_json(),
               "bench_s": round(time.perf_counter() - started, 1)}
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "ingest.json").write_text(json.dumps(results, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
