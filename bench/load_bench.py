"""Load throughput of each store at 10k and 100k cadres: entities per second and peak memory.

    python -m bench.load_bench [--sizes 10000 100000] [--stores embedded neo4j]

Each (size, store) runs in a fresh subprocess so peak memory (ru_maxrss) is its own. Neo4j is
the real 5.26 server from tests/support (or NEO4J_URI). A benchmark reports figures; it does
not pass or fail.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import bench_store, ensure_bundle, neo4j_env
from graph import ops
from ingest.roster.load import read_bundle


def run_one(bundle: Path, store_kind: str) -> dict[str, float]:
    """Read, then write the bundle into an empty store; timings of each phase."""
    started = time.perf_counter()
    bundle_data, report = read_bundle(bundle)
    read_s = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        store = bench_store(store_kind, Path(tmp))
        started = time.perf_counter()
        written = ops.write_bundle(store, bundle_data, batch_size=10_000)
        write_s = time.perf_counter() - started
        store.close()
    return {"rows": report.loaded, "rows_read": report.read, "entities": written,
            "read_s": round(read_s, 2),
            "write_s": round(write_s, 2), "entities_per_s": round(written / write_s),
            "end_to_end_per_s": round(written / (read_s + write_s)),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--stores", nargs="+", default=["embedded", "neo4j"])
    parser.add_argument("--one", nargs=2, metavar=("BUNDLE", "STORE"), help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, default=Path("bench/results"))
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(Path(args.one[0]), args.one[1])))
        return
    results = []
    with neo4j_env(args.stores) as env:
        for size in args.sizes:
            bundle = ensure_bundle(size, where=args.out)
            for kind in args.stores:
                done = subprocess.run([sys.executable, "-m", "bench.load_bench", "--one",
                                       str(bundle), kind], env=env, capture_output=True,
                                      text=True, check=True)
                row = {"cadres": size, "store": kind, **json.loads(done.stdout.splitlines()[-1])}
                results.append(row)
                print(json.dumps(row), flush=True)
    (args.out / "load.json").write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
