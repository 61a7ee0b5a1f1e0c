"""load, stats, export: moving bundles in and out of the store."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from api.cli.common import (
    StoreOpt,
    console,
    fail_cleanly,
    progress_bar,
    state,
    store_of,
    table,
)
from api.cli.review_cmds import default_actor
from graph import ops
from graph.bulk import no_gc
from graph.convert import bundle_to_records
from graph.store.base import GraphStore
from ingest.lrmx.load import is_lrmx_path, load_lrmx
from ingest.report import LoadReport
from ingest.roster.load import read_bundle
from ingest.roster.write import write_bundle_dir


def load_path(store: GraphStore, path: Path, batch_size: int, data_dir: Path) -> LoadReport:
    """Read and check a roster bundle (or 干部任免审批表 .lrmx files), then write it to the store
    with a progress bar."""
    with fail_cleanly():
        if is_lrmx_path(path):
            with progress_bar() as bar:
                task = bar.add_task("读取任免表 reading", total=None)
                _, report = load_lrmx(
                    store, path, data_dir=data_dir, actor=default_actor(), batch_size=batch_size,
                    progress=lambda what, done, total: bar.update(
                        task, description=what, completed=done, total=total))
            return report
        bundle, report = read_bundle(path, known=store.existing)
        with no_gc():
            nodes, edges = bundle_to_records(bundle)
        with progress_bar() as bar:
            task = bar.add_task("写入图谱 writing", total=len(nodes) + len(edges))
            ops.write_records(store, nodes, edges, batch_size=batch_size,
                              progress=lambda n: bar.advance(task, n))
    return report


def load(
    ctx: typer.Context,
    bundle: Annotated[Path, typer.Argument(
        help="A roster bundle (CSV directory or .xlsx), or 干部任免审批表: a .lrmx file or a "
             "directory of them")],
    rejects: Annotated[Path | None, typer.Option(help="Where to write the reject report")] = None,
    accept_partial: Annotated[bool, typer.Option(
        help="Exit 0 even when some rows were rejected")] = False,
    store_name: StoreOpt = None,
) -> None:
    """Load a roster bundle into the store (载入花名册); re-loading changes nothing."""
    st = state(ctx, store_name)
    with store_of(st) as store:
        report = load_path(store, bundle, st.settings.batch_size, st.settings.data_dir)
    rows = [[name, c.read, c.loaded, c.rejected] for name, c in report.counts.items()]
    rows.append(["∑", report.read, report.loaded, len(report.rejects)])
    console.print(table(f"{bundle}", [st.t("table"), st.t("read"), st.t("loaded"),
                                      st.t("rejected")], rows))
    if report.rejects:
        where = rejects or st.settings.data_dir / "reports" / datetime.now().strftime(
            "load-%Y%m%d-%H%M%S")
        csv_path, _ = report.write(where)
        for r in report.rejects[:10]:
            console.print(f"[yellow]拒收 rejected[/] {escape(str(r))}", soft_wrap=True)
        more = len(report.rejects) - 10
        console.print(("" if more <= 0 else f"… {more} more; ") + f"report: {csv_path}")
        if not accept_partial:
            raise typer.Exit(1)


def stats(
    ctx: typer.Context,
    as_of: Annotated[datetime | None, typer.Option(
        formats=["%Y-%m-%d"], help="Count relations active on this date")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table or json")] = "table",
    store_name: StoreOpt = None,
) -> None:
    """Counts of nodes and relations in the store (图谱统计)."""
    st = state(ctx, store_name)
    day = as_of.date() if as_of else None
    with store_of(st) as store, fail_cleanly():
        counts = ops.stats(store, day)
    if fmt == "json":
        console.print_json(json.dumps({"as_of": day.isoformat() if day else None,
                                       "nodes": counts.nodes, "edges": counts.edges}))
        return
    console.print(table(st.t("nodes"), [st.t("kind"), "", st.t("count")],
                        [[k, st.t(k), v] for k, v in counts.nodes.items()]))
    console.print(table(st.t("edges") + (f" @ {day}" if day else ""),
                        [st.t("kind"), "", st.t("count")],
                        [[k, st.t(k), v] for k, v in counts.edges.items()]))


def export(
    ctx: typer.Context,
    out: Annotated[Path, typer.Argument(help="Directory to write the roster bundle to")],
    store_name: StoreOpt = None,
) -> None:
    """Export the whole graph back to a roster bundle (导出花名册)."""
    st = state(ctx, store_name)
    with store_of(st) as store, fail_cleanly():
        bundle = ops.export_bundle(store)
    paths = write_bundle_dir(bundle, out)
    console.print(table(str(out), [st.t("file"), st.t("count")],
                        [[p.name, len(getattr(bundle, p.stem))] for p in paths]))
