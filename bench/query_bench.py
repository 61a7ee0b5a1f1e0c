"""Supervision chain and span latency on each store (issue 5: chain median <= 5 ms, span of a
county party secretary <= 200 ms at 100k cadres).

    python -m bench.query_bench [--cadres 100000] [--stores embedded neo4j] [--samples 500]

Loads a generated bundle (`bench/results/bundle-N`, generated when missing) into a fresh store
in a subprocess per store (Neo4j: the 5.26 test server, or NEO4J_URI), then measures the way
the API serves: the day's snapshot is built once (`CachedStore.snapshot`, timed and reported
on its own) and each chain/span request runs over it, plus the store reads it makes (names).
The CLI path, which builds its own snapshot per command, is timed on a few samples too. The
answers of every store are digested and compared: the stores must agree. A benchmark reports
figures; it does not pass or fail.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from api.cache import CachedStore
from bench.common import RESULTS, bench_store, ensure_bundle, neo4j_env, percentiles_ms
from graph import ops
from graph.regions import is_region_code, region_level
from graph.store.base import GraphStore
from graph.vocab import PostRole, UnitKind
from ingest.roster.load import read_bundle
from queries.snapshot import Snapshot
from queries.supervision.chain import chain_report
from queries.supervision.span import span

AS_OF = date(2026, 1, 1)


def ms(seconds: list[float]) -> dict[str, float]:
    return {"n": len(seconds), **percentiles_ms(seconds),
            "mean_ms": round(statistics.mean(seconds) * 1000, 2)}


def county_secretaries(snap: Snapshot) -> list[str]:
    """Holders of the principal post of a county's party committee (县委书记)."""
    units = {u.id for u in snap.units.values()
             if u.kind == UnitKind.party_committee and is_region_code(u.region_code)
             and region_level(u.region_code or "") == "county"}
    return sorted({p for post in snap.posts.values()
                   if post.unit_id in units and post.role == PostRole.principal
                   for p in snap.holders.get(post.id, [])})


def top_leaders(snap: Snapshot) -> list[str]:
    """Holders of the principal post of a party committee with no parent (the top of the
    generated graph: a city's or the province's secretary): the largest spans."""
    units = {u.id for u in snap.units.values()
             if u.kind == UnitKind.party_committee and not u.parent_id}
    return sorted({p for post in snap.posts.values()
                   if post.unit_id in units and post.role == PostRole.principal
                   for p in snap.holders.get(post.id, [])})


def timed(fn: Any, *args: Any) -> tuple[float, Any]:
    started = time.perf_counter()
    out = fn(*args)
    return time.perf_counter() - started, out


def measure(store: GraphStore, samples: int, seed: int) -> dict[str, Any]:
    cached = CachedStore(store, ttl=1e9)
    build_s, snap = timed(cached.snapshot, AS_OF)
    people = sorted(snap.posts_of)
    picked = random.Random(seed).sample(people, min(samples, len(people)))
    digest = hashlib.sha256()
    chain_s: list[float] = []
    for pid in picked:
        took, rep = timed(chain_report, cached, pid, AS_OF, "person", snap)
        chain_s.append(took)
        digest.update(rep.model_dump_json().encode())
    cli_s = [timed(chain_report, store, pid, AS_OF, "person")[0] for pid in picked[:3]]
    secretaries = county_secretaries(snap)
    span_s: list[float] = []
    first_span_s = 0.0
    sizes = []
    for i, pid in enumerate(secretaries):
        took, rep = timed(span, cached, pid, AS_OF, snap)
        if i == 0:
            first_span_s = took  # builds the snapshot's leader -> children index
        else:
            span_s.append(took)
        sizes.append(rep.total)
        digest.update(rep.model_dump_json().encode())
    tops = []
    for pid in top_leaders(snap):
        took, rep = timed(span, cached, pid, AS_OF, snap)
        tops.append({"person_id": pid, "ms": round(took * 1000, 1), "persons": rep.total})
        digest.update(rep.model_dump_json().encode())
    return {"snapshot_build_s": round(build_s, 2), "posts": len(snap.posts),
            "holders": len(people), "chain": ms(chain_s),
            "chain_cli_cold_s": round(statistics.median(cli_s), 2),
            "county_secretaries": len(secretaries), "span_first_ms": round(first_span_s * 1000, 1),
            "span": ms(span_s) if span_s else None,
            "span_persons_median": statistics.median(sizes) if sizes else 0,
            "top_leader_spans": tops,
            "answers_sha256": digest.hexdigest()}


def run_one(bundle: Path, kind: str, samples: int, seed: int) -> dict[str, Any]:
    data, _ = read_bundle(bundle)
    with tempfile.TemporaryDirectory() as tmp:
        store = bench_store(kind, Path(tmp))
        try:
            load_s, _ = timed(ops.write_bundle, store, data)
            return {"load_s": round(load_s, 1), **measure(store, samples, seed)}
        finally:
            store.close()


def main() -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.query_bench", description=__doc__)
    ap.add_argument("--cadres", type=int, default=100_000)
    ap.add_argument("--stores", nargs="+", default=["embedded", "neo4j"])
    ap.add_argument("--samples", type=int, default=500, help="chains measured per store")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--one", nargs=2, metavar=("BUNDLE", "STORE"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_one(Path(args.one[0]), args.one[1], args.samples, args.seed)))
        return
    bundle = ensure_bundle(args.cadres)
    rows: dict[str, Any] = {}
    with neo4j_env(args.stores) as env:
        for kind in args.stores:
            done = subprocess.run([sys.executable, "-m", "bench.query_bench", "--one", str(bundle),
                                   kind, "--samples", str(args.samples), "--seed", str(args.seed)],
                                  env=env, capture_output=True, text=True, check=True)
            rows[kind] = json.loads(done.stdout.splitlines()[-1])
            print(kind, json.dumps(rows[kind]), flush=True)
    agree = len(rows) > 1 and len({r["answers_sha256"] for r in rows.values()}) == 1
    print("stores agree" if agree else "STORES DISAGREE" if len(rows) > 1 else
          "one store: nothing to compare", flush=True)
    out = {"cadres": args.cadres, "as_of": AS_OF.isoformat(), "cpus": os.cpu_count(),
           "stores": rows, "stores_agree": agree, "at": time.strftime("%Y-%m-%dT%H:%M:%S")}
    (RESULTS / "query.json").write_text(json.dumps(out, indent=1) + "\n", "utf-8")


if __name__ == "__main__":
    main()
