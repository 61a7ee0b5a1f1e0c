"""review: the queue of possible same-person pairs (人员甄别) — list, show, accept, reject.

Decisions live in `<data_dir>/resolution.json` with who and when; accept merges the pair in
the graph, reject records a negative decision (undoing an earlier merge). The actor is
`--actor`, else `CADREGRAPH_ACTOR`, else the login name.
"""

from __future__ import annotations

import getpass
import json
import os
from typing import Annotated

import typer
from rich.markup import escape

from api.cli.common import State, console, fail_cleanly, state, store_of, table
from graph.convert import node_to_model
from graph.ids import node_key
from graph.model import Person
from graph.privacy import mask_id_number
from graph.store.base import GraphStore
from graph.vocab import chinese
from ingest.resolve.book import Book, Candidate
from ingest.resolve.review import accept, reject

_TERMS = {
    "id": ("编号", "id"), "status": ("状态", "status"), "score": ("得分", "score"),
    "kind": ("类型", "kind"), "source": ("待定人员", "source"), "target": ("候选人员", "target"),
    "origin": ("来源", "origin"), "feature": ("特征", "feature"), "weight": ("权重", "weight"),
    "similarity": ("相似度", "similarity"), "points": ("得分", "points"),
    "detail": ("说明", "detail"), "at": ("时间", "at"), "actor": ("操作人", "actor"),
    "action": ("操作", "action"), "note": ("备注", "note"), "item": ("项目", "item"),
    "history": ("处理记录", "history"),
    "value": ("内容", "value"), "queue": ("待甄别人员", "review queue"),
    "pending": ("待核实", "pending"), "accepted": ("已合并", "accepted"),
    "rejected": ("已否决", "rejected"), "relative": ("亲属", "relative"),
    "subject": ("任免表", "form"), "proposed": ("提出", "proposed"),
    "auto_accepted": ("自动合并", "merged automatically"),
}
ActorOpt = Annotated[str | None, typer.Option(help="Who decides (default: CADREGRAPH_ACTOR "
                                                   "or the login name)")]
NoteOpt = Annotated[str, typer.Option(help="A note kept in the history")]


def _t(st: State, key: str) -> str:
    zh, en = _TERMS.get(key, (key, key))
    return zh if st.lang == "zh" else en


def default_actor(given: str | None = None) -> str:
    """Who acts: `given`, else CADREGRAPH_ACTOR, else the login name."""
    return given or os.environ.get("CADREGRAPH_ACTOR") or getpass.getuser()


def _names(store: GraphStore, ids: set[str]) -> dict[str, Person]:
    found = store.nodes([node_key("Person", i) for i in sorted(ids)])
    persons = (node_to_model(n) for n in found.values())
    return {p.id: p for p in persons if isinstance(p, Person)}


def _who(person_id: str, persons: dict[str, Person]) -> str:
    person = persons.get(person_id)
    return f"{person.name}（{person_id}）" if person else person_id


def _status(st: State, cand: Candidate) -> str:
    return _t(st, cand.status) + (f"（{_t(st, 'auto_accepted')}）" if cand.auto else "")


def list_cmd(
    ctx: typer.Context,
    show_all: Annotated[bool, typer.Option("--all", help="Decided pairs too")] = False,
    fmt: Annotated[str, typer.Option("--format", help="table or json")] = "table",
) -> None:
    """List the pairs waiting for review (待甄别人员)."""
    st = state(ctx)
    with fail_cleanly():
        book = Book.load(st.settings.data_dir)
    shown = [c for c in sorted(book.candidates.values(), key=lambda c: (-c.score, c.id))
             if show_all or (c.status == "pending" and book.merged_target(c.source) is None)]
    if fmt == "json":
        console.print_json(json.dumps([c.model_dump(mode="json", exclude={"moved"})
                                       for c in shown], ensure_ascii=False))
        return
    with store_of(st) as store, fail_cleanly():
        persons = _names(store, {i for c in shown for i in (c.source, c.target)})
    rows = [[c.id, _status(st, c), f"{c.score:.2f}", _t(st, c.kind), _who(c.source, persons),
             _who(c.target, persons), " ".join(filter(None, (c.context.get("文件"),
                                                            c.context.get("称谓"))))]
            for c in shown]
    console.print(table(_t(st, "queue"), [_t(st, k) for k in (
        "id", "status", "score", "kind", "source", "target", "origin")], rows))


def _facts(person: Person | None) -> str:
    if person is None:
        return "（图谱中不存在）"
    parts = [person.name, chinese(person.gender) if person.gender else "",
             person.birth_date.isoformat()[:7] if person.birth_date else "",
             mask_id_number(person.id_number) if person.id_number else ""]
    return " ".join(p for p in parts if p)


def show(ctx: typer.Context, ident: Annotated[str, typer.Argument(help="Candidate id")]) -> None:
    """Show one pair: where it came from, the explained score and the history."""
    st = state(ctx)
    with fail_cleanly():
        cand = Book.load(st.settings.data_dir).get(ident)
    with store_of(st) as store, fail_cleanly():
        persons = _names(store, {cand.source, cand.target})
    about = [[_t(st, "status"), _status(st, cand)], [_t(st, "score"), f"{cand.score:.2f}"],
             [_t(st, "source"), f"{cand.source}：{_facts(persons.get(cand.source))}"],
             [_t(st, "target"), f"{cand.target}：{_facts(persons.get(cand.target))}"],
             *([k, v] for k, v in cand.context.items())]
    console.print(table(cand.id, [_t(st, "item"), _t(st, "value")], about))
    console.print(table(_t(st, "score"), [_t(st, k) for k in (
        "feature", "weight", "similarity", "points", "detail")], [
        [f.label, f"{f.weight:.2f}", f"{f.similarity:+.2f}", f"{f.points:+.2f}", f.detail]
        for f in cand.features]))
    console.print(table(_t(st, "history"), [_t(st, k) for k in ("at", "actor", "action", "note")],
                        [[h.at, h.actor, _t(st, h.action), h.note] for h in cand.history]))


def accept_cmd(ctx: typer.Context, ident: Annotated[str, typer.Argument(help="Candidate id")],
               actor: ActorOpt = None, note: NoteOpt = "") -> None:
    """Accept a pair: the same human, merged in the graph (确认为同一人)."""
    st = state(ctx)
    with store_of(st) as store, fail_cleanly():
        cand = accept(store, st.settings.data_dir, ident, default_actor(actor), note)
    console.print(f"[green]已合并 accepted[/] {escape(cand.source)} → "
                  f"{escape(cand.merged_to or cand.target)}（{cand.id}）")


def reject_cmd(ctx: typer.Context, ident: Annotated[str, typer.Argument(help="Candidate id")],
               actor: ActorOpt = None, note: NoteOpt = "") -> None:
    """Reject a pair: not the same human; undoes an earlier merge (否决)."""
    st = state(ctx)
    with store_of(st) as store, fail_cleanly():
        cand = reject(store, st.settings.data_dir, ident, default_actor(actor), note)
    console.print(f"[yellow]已否决 rejected[/] {escape(cand.source)} ≠ {escape(cand.target)}"
                  f"（{cand.id}）")


def build_app() -> typer.Typer:
    """The `review` command group (the main app mounts it as `cadregraph review`)."""
    app = typer.Typer(name="review", no_args_is_help=True,
                      help="人员甄别 review queue: possible same-person pairs from .lrmx loads")
    app.command("list")(list_cmd)
    app.command("show")(show)
    app.command("accept")(accept_cmd)
    app.command("reject")(reject_cmd)
    return app
