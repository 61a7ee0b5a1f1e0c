"""What every command shares: settings, the store, the console, progress bars, errors."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Annotated, Any, Literal

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from graph.errors import CadreGraphError
from graph.i18n import Lang, term
from graph.settings import Settings
from graph.store.base import GraphStore
from graph.store.factory import open_store
from queries.rules import RuleSet, load_rules

console = Console()
err_console = Console(stderr=True)


@dataclass
class State:
    settings: Settings = field(default_factory=Settings)
    lang: Lang = "zh"

    def t(self, key: str) -> str:
        return term(key, self.lang)


StoreName = Literal["embedded", "neo4j"]
StoreOpt = Annotated[StoreName | None, typer.Option(
    "--store", help="Which store for this command (overrides the global --store)")]


def state(ctx: typer.Context, store: StoreName | None = None) -> State:
    """The global options, with the store a command was given (`load X --store neo4j`)."""
    obj = ctx.find_root().obj
    found = obj if isinstance(obj, State) else State()
    if store is None:
        return found
    return replace(found, settings=found.settings.model_copy(update={"store": store}))


def rules_of(st: State, override: Path | None = None) -> RuleSet:
    """The rule set a command uses: `--rules`, else the deployment's (CADREGRAPH_RULES), else
    the national default - the same one the API serves."""
    return load_rules(override or st.settings.rules_file)


@contextmanager
def store_of(st: State) -> Iterator[GraphStore]:
    with fail_cleanly():
        store = open_store(st.settings)
    try:
        yield store
    finally:
        store.close()


@contextmanager
def fail_cleanly() -> Iterator[None]:
    """Domain errors become one clear red line and exit code 2, not a traceback."""
    try:
        yield
    except CadreGraphError as exc:
        err_console.print(f"[bold red]错误 error:[/] {escape(str(exc))}", soft_wrap=True)
        raise typer.Exit(2) from exc


def progress_bar() -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), TimeRemainingColumn(), console=err_console, transient=False,
        disable=not err_console.is_terminal,
    )


def table(title: str, headers: list[str], rows: list[list[Any]]) -> Table:
    out = Table(title=title)
    for h in headers:
        out.add_column(h, overflow="fold")
    for row in rows:
        out.add_row(*(str(c) for c in row))
    return out
