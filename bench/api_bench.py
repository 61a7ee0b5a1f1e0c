"""HTTP load benchmark of the API on the Neo4j store, on loopback only.

    python -m bench.api_bench [--cadres 100000] [--clients 8] [--workers 2]
                              [--requests 3000] [--seconds 30]

Generates a synthetic roster (`ingest.generate`), loads it into a fresh Neo4j 5.26 test
server (`tests.support.neo4j_server`, heap and page cache 2g; or NEO4J_URI), starts the API
with uvicorn in a subprocess on a free 127.0.0.1 port (an admin key in a throw-away data
dir), then drives `GET /persons/{id}/network`, `GET /chain/person/{id}` and
`POST /checks/appointments` with N concurrent clients: wrk (`bench/wrk_requests.lua`) when it
is installed, else httpx clients in Python (bounded by a request count as well). Prints and
writes requests/s and p50/p99 latency per endpoint to `bench/results/api.json`. A benchmark
reports figures; it does not pass or fail.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from api.auth.keys import KeyStore
from bench.common import bench_store, neo4j_env, percentiles_ms
from graph import ops
from ingest.roster.load import read_bundle

AS_OF = "2026-01-01"
RESULTS = Path(__file__).resolve().parent / "results" / "api.json"
WRK_SCRIPT = Path(__file__).resolve().parent / "wrk_requests.lua"


@dataclass
class Phase:
    name: str
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0

    def summary(self) -> dict[str, float | int]:
        return {"requests": len(self.latencies), "errors": self.errors,
                "seconds": round(self.seconds, 2),
                "rps": round(len(self.latencies) / self.seconds, 1) if self.seconds else 0.0,
                **percentiles_ms(self.latencies)}


async def run_phase(base: str, token: str, name: str, make: Callable[[random.Random], Spec],
                    clients: int, requests: int, seconds: float, seed: int) -> Phase:
    """`clients` concurrent loops until `requests` are done or `seconds` have passed."""
    phase = Phase(name)
    left = [requests]
    deadline = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    headers = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(base_url=base, headers=headers, limits=limits,
                                 timeout=600.0) as http:

        async def worker(i: int) -> None:
            rng = random.Random(seed * 1000 + i)
            while left[0] > 0 and time.perf_counter() < deadline:
                left[0] -= 1
                method, path, body = make(rng)
                started = time.perf_counter()
                try:
                    res = await http.request(method, path, json=body)
                    ok = res.status_code == 200
                except httpx.HTTPError:
                    ok = False
                if ok:
                    phase.latencies.append(time.perf_counter() - started)
                else:
                    phase.errors += 1

        started = time.perf_counter()
        await asyncio.gather(*(worker(i) for i in range(clients)))
        phase.seconds = time.perf_counter() - started
    return phase


def current_holdings(bundle: Path) -> list[tuple[str, str]]:
    """(person, post) of the holdings open on AS_OF."""
    out = []
    with (bundle / "holdings.csv").open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["start"] <= AS_OF and (not row.get("end") or row["end"] > AS_OF):
                out.append((row["person_id"], row["post_id"]))
    return sorted(out)


WARMUP_ROUNDS = 6
WARM_MAX_MS = 1000.0
"""A warm-up round is repeated while a request in it took this long (a worker was building
its snapshot)."""

Spec = tuple[str, str, dict[str, Any] | None]
"""One request: method, path with query, JSON body."""


def scenarios(held: list[tuple[str, str]]) -> dict[str, Callable[[random.Random], Spec]]:
    persons = sorted({p for p, _ in held})
    posts = sorted({p for _, p in held})

    def network(rng: random.Random) -> Spec:
        return "GET", f"/persons/{rng.choice(persons)}/network?as_of={AS_OF}", None

    def what_if(rng: random.Random) -> Spec:
        return "POST", "/checks/appointments", {"as_of": AS_OF, "proposals": [
            {"person_id": rng.choice(persons), "post_id": rng.choice(posts)}]}

    def chain(rng: random.Random) -> Spec:
        return "GET", f"/chain/person/{rng.choice(persons)}?as_of={AS_OF}", None

    # what-if last: its requests are the slowest, and ones still in flight when a phase ends
    # run on server-side
    return {"GET /persons/{id}/network": network, "GET /chain/person/{id}": chain,
            "POST /checks/appointments": what_if}


def run_wrk(base: str, token: str, make: Callable[[random.Random], Spec], clients: int,
            seconds: float, seed: int, work: Path) -> dict[str, float | int]:
    """The same closed loop as `run_phase`, driven by wrk (C, epoll): the load generator then
    costs a tenth of httpx's CPU, which on a 2-core machine is CPU the API keeps."""
    rng = random.Random(seed)
    lines = work / "requests.tsv"
    with lines.open("w", encoding="utf-8") as fh:
        for _ in range(5000):
            method, path, body = make(rng)
            fh.write(f"{method}\t{path}\t{json.dumps(body) if body else ''}\n")
    cmd = ["wrk", "-t1", f"-c{clients}", f"-d{max(1, round(seconds))}s", "--timeout", "30s",
           "-s", str(WRK_SCRIPT), base, "--", str(lines), token, str(seed)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    line = next(x for x in done.stdout.splitlines() if x.startswith("WRK_RESULT "))
    got = json.loads(line.removeprefix("WRK_RESULT "))
    ok = got["requests"] - got["non_2xx"]
    return {"requests": ok, "errors": got["errors"] + got["non_2xx"],
            "seconds": got["seconds"], "rps": round(ok / got["seconds"], 1),
            **{k: got[k] for k in ("p50_ms", "p90_ms", "p99_ms", "max_ms")}}


def start_api(uri: str, data_dir: Path, workers: int, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "CADREGRAPH_STORE": "neo4j", "NEO4J_URI": uri,
           "CADREGRAPH_DATA_DIR": str(data_dir)}
    cmd = [sys.executable, "-m", "uvicorn", "api.app:create_app", "--factory", "--host",
           "127.0.0.1", "--port", str(port), "--workers", str(workers), "--log-level",
           "warning", "--no-access-log"]
    proc = subprocess.Popen(cmd, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                return proc
        except httpx.TransportError:
            time.sleep(0.2)
        if proc.poll() is not None:
            break
    proc.kill()
    raise RuntimeError("the API did not start")


def load(uri: str, bundle: Path, work: Path) -> dict[str, float]:
    started = time.perf_counter()
    data, report = read_bundle(bundle)
    store = bench_store("neo4j", work, uri)
    try:
        written = ops.write_bundle(store, data)
    finally:
        store.close()
    return {"records": written, "rejected": len(report.rejects),
            "seconds": round(time.perf_counter() - started, 1)}


def main(argv: list[str] | None = None) -> None:
    from ingest.generate import generate
    from tests.api.support import free_port

    ap = argparse.ArgumentParser(prog="python -m bench.api_bench", description=__doc__)
    ap.add_argument("--cadres", type=int, default=100_000)
    ap.add_argument("--clients", type=int, default=8, help="concurrent clients")
    ap.add_argument("--workers", type=int, default=2,
                    help="uvicorn worker processes (one per core)")
    ap.add_argument("--requests", type=int, default=3000, help="per endpoint, at most")
    ap.add_argument("--seconds", type=float, default=30.0, help="per endpoint, at most")
    ap.add_argument("--whatif-requests", type=int, default=64,
                    help="what-if checks are costly: at most this many")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--warmup", type=float, default=10.0,
                    help="seconds per warm-up round before each endpoint's run (wrk driver; "
                         "rounds repeat while a worker is still building its snapshot)")
    ap.add_argument("--only", default="",
                    help="run the endpoints whose name contains this text (e.g. checks)")
    ap.add_argument("--bundle", type=Path, help="an existing roster bundle (else generated)")
    ap.add_argument("--skip-load", action="store_true",
                    help="NEO4J_URI already holds the bundle: do not clear and load it")
    ap.add_argument("--driver", choices=["wrk", "httpx"],
                    default="wrk" if shutil.which("wrk") else "httpx",
                    help="load generator (wrk: `apt-get install wrk`; else httpx in Python)")
    ap.add_argument("--out", type=Path, default=RESULTS)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="cadregraph-api-bench-") as tmp, ExitStack() as stack:
        root = Path(tmp)
        bundle = args.bundle or root / "bundle"
        if args.bundle is None:
            print(f"generating {args.cadres:,} cadres …", flush=True)
            generate(bundle, cadres=args.cadres, seed=args.seed)
        env = stack.enter_context(neo4j_env(["neo4j"]))
        uri = env["NEO4J_URI"]
        loaded: dict[str, float] = {}
        if not (args.skip_load and os.environ.get("NEO4J_URI")):
            print(f"loading into Neo4j at {uri} …", flush=True)
            loaded = load(uri, bundle, root)
            print(f"  {loaded}", flush=True)
        token = KeyStore.of(root / "data").create("bench", "admin").token
        port = free_port()
        api = start_api(uri, root / "data", args.workers, port)
        stack.callback(api.wait, 30)
        stack.callback(api.terminate)
        base = f"http://127.0.0.1:{port}"
        results: dict[str, Any] = {}
        for name, make in scenarios(current_holdings(bundle)).items():
            if args.only not in name:
                continue
            count = args.whatif_requests if name.startswith("POST") else args.requests
            # the first request on each worker builds the day's snapshot (seconds at 100k):
            # warm up the way the run connects, long enough for every worker to build it
            if args.driver == "wrk":
                for _ in range(WARMUP_ROUNDS):  # until no worker is still building
                    warm = run_wrk(base, token, make, args.clients, args.warmup,
                                   args.seed + 7, root)
                    if warm["max_ms"] < WARM_MAX_MS:
                        break
                summary = run_wrk(base, token, make, args.clients, args.seconds, args.seed, root)
            else:
                warm = asyncio.run(run_phase(base, token, name, make, args.clients,
                                             min(10 * args.clients, count), 120,
                                             args.seed + 7)).summary()
                summary = asyncio.run(run_phase(base, token, name, make, args.clients, count,
                                                args.seconds, args.seed)).summary()
            results[name] = {**summary, "warmup_p50_ms": warm["p50_ms"]}
            print(f"{name:28} {json.dumps(results[name])}", flush=True)
    out = {"cadres": args.cadres, "bundle": str(args.bundle or "generated"),
           "clients": args.clients, "uvicorn_workers": args.workers, "driver": args.driver,
           "store": "neo4j", "cpus": os.cpu_count(), "as_of": AS_OF, "load": loaded,
           "endpoints": results, "at": time.strftime("%Y-%m-%dT%H:%M:%S")}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(f"written {args.out}")


if __name__ == "__main__":
    main()
