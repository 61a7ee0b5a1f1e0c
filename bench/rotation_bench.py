"""Exchange and rotation planning: solve time and optimality gap (issue 6: 1,000 due cadres over
3,000 posts within 30 s; also 10,000 over 30,000).

    python -m bench.rotation_bench [--sizes 1000:3000 10000:30000] [--limit 30]
                                   [--bundle bench/results/bundle-10000]

Two parts. The solver part builds CP-SAT assignment problems of exactly the requested shape,
seeded: every due cadre holds one of the posts; the other posts are vacancies (a fifth) or
held by people who stay; each cadre may take 40 random posts with a fit score; 70% are
must-moves; 1% of the cadres are kin pairs whose options conflict, 1% share an
EXCHANGE-NOT-BOTH group. The end-to-end part plans a generated bundle in the embedded store
(`queries.rotation.plan`: facts, the due list with its avoidance audit, options with the
batched what-if, the model, the re-check) and times each step. Writes
`bench/results/rotation.json`. A benchmark reports figures; it does not pass or fail.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from bench.common import RESULTS
from graph import ops
from graph.store.embedded import EmbeddedStore
from ingest.roster.load import read_bundle
from queries.rotation.plan import MUST_BONUS, SHOULD_BONUS, PlanRequest, plan
from queries.rotation.solver import Option, Problem, solve
from queries.rules import national

OPTIONS_EACH = 40


def synthetic(due: int, posts: int, seed: int) -> Problem:
    rng = random.Random(seed)
    post_ids = [f"P{i:06d}" for i in range(posts)]
    people = [f"C{i:06d}" for i in range(due)]
    held = rng.sample(post_ids, due)
    holds = {post: [person] for person, post in zip(people, held, strict=True)}
    rest = [p for p in post_ids if p not in holds]
    vacant = set(rng.sample(rest, min(len(rest), posts // 5)))
    free = {p: (1 if p in vacant else 0) for p in post_ids}
    options: list[Option] = []
    first: dict[str, int] = {}
    for person, own in zip(people, held, strict=True):
        first[person] = len(options)
        for post in rng.sample(post_ids, OPTIONS_EACH + 1):
            if post != own and len(options) - first[person] < OPTIONS_EACH:
                options.append(Option(person, post, rng.randint(0, 100)))
    weight = {p: MUST_BONUS if rng.random() < 0.7 else SHOULD_BONUS for p in people}
    kin = rng.sample(people, (due // 100) * 2)
    conflicts = []
    for a, b in zip(kin[::2], kin[1::2], strict=True):
        posts_b = {options[i].post: i for i in range(first[b], first[b] + OPTIONS_EACH)}
        for i in range(first[a], first[a] + OPTIONS_EACH):
            if options[i].post in posts_b:  # the same post for two kin: never both
                conflicts.append((i, posts_b[options[i].post]))
    grouped = rng.sample(people, (due // 100) * 2)
    not_both = [list(pair) for pair in zip(grouped[::2], grouped[1::2], strict=True)]
    return Problem(options=options, weight=weight, free=free, holds=holds,
                   conflicts=conflicts, not_both=not_both)


def solver_part(sizes: list[tuple[int, int]], limit: float, workers: int) -> list[dict[str, Any]]:
    rows = []
    for due, posts in sizes:
        started = time.perf_counter()
        problem = synthetic(due, posts, seed=due)
        built = time.perf_counter() - started
        solution = solve(problem, limit, workers)
        row = {"due": due, "posts": posts, "options": len(problem.options),
               "build_s": round(built, 2), "status": solution.status,
               "solve_s": round(solution.seconds, 2), "gap": round(solution.gap, 4),
               "moves": len(solution.chosen), "objective": solution.objective,
               "bound": solution.bound}
        print("solver", json.dumps(row), flush=True)
        rows.append(row)
    return rows


def end_to_end(bundle: Path, limit: float, workers: int) -> dict[str, Any]:
    data, _ = read_bundle(bundle)
    with tempfile.TemporaryDirectory() as tmp:
        store = EmbeddedStore(Path(tmp) / "graph.json")
        ops.write_bundle(store, data)
        marks: list[tuple[str, float]] = []
        started = time.perf_counter()
        result = plan(store, national(), PlanRequest(as_of=date(2026, 1, 1), time_limit=limit,
                                                     workers=workers),
                      on_step=lambda s: marks.append((s, time.perf_counter())))
        ended = time.perf_counter()
    steps = {name: round(((marks[i + 1][1] if i + 1 < len(marks) else ended) - at), 2)
             for i, (name, at) in enumerate(marks)}
    row = {"bundle": str(bundle), "total_s": round(ended - started, 2), "steps_s": steps,
           "status": result.status, "gap": round(result.gap, 4),
           "solve_s": result.solve_seconds, "stats": result.stats,
           "unmoved_due": len(result.unmoved_due), "recheck_findings": len(result.recheck)}
    print("plan", json.dumps(row, ensure_ascii=False), flush=True)
    return row


def main() -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.rotation_bench", description=__doc__)
    ap.add_argument("--sizes", nargs="+", default=["1000:3000", "10000:30000"],
                    help="DUE:POSTS")
    ap.add_argument("--limit", type=float, default=30.0, help="solver time limit, seconds")
    ap.add_argument("--workers", type=int, default=8, help="CP-SAT workers")
    ap.add_argument("--bundle", type=Path, default=RESULTS / "bundle-10000",
                    help="a generated bundle to plan end to end ('' to skip)")
    args = ap.parse_args()
    sizes = [(int(a), int(b)) for a, _, b in (s.partition(":") for s in args.sizes)]
    out: dict[str, Any] = {"cpus": os.cpu_count(), "limit_s": args.limit,
                           "workers": args.workers,
                           "solver": solver_part(sizes, args.limit, args.workers)}
    if str(args.bundle) and (args.bundle / "persons.csv").exists():
        out["end_to_end"] = end_to_end(args.bundle, args.limit, args.workers)
    out["at"] = time.strftime("%Y-%m-%dT%H:%M:%S")
    (RESULTS / "rotation.json").write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n",
                                           "utf-8")


if __name__ == "__main__":
    main()
