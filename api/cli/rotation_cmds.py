"""`cadregraph rotation ...`: who is due to move, where each may go, an optimised plan.

The lead registers the sub-app: `app.add_typer(rotation_cmds.build_app(), name="rotation")`.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer

from api.cli.common import (
    console,
    fail_cleanly,
    progress_bar,
    rules_of,
    state,
    store_of,
    table,
)
from graph.errors import InvalidInput
from queries.rotation import export
from queries.rotation.candidates import for_person, for_post
from queries.rotation.due import due as due_list
from queries.rotation.plan import STEPS, PlanRequest
from queries.rotation.plan import plan as make_plan
from queries.rotation.report import Plan

AsOfOpt = Annotated[datetime | None, typer.Option(
    "--as-of", formats=["%Y-%m-%d"], help="Planning date (default today)")]
WithinOpt = Annotated[str, typer.Option(
    "--within", help="Horizon: who becomes due within this time (12m, 18m, 2y)")]
RulesOpt = Annotated[Path | None, typer.Option(
    "--rules", help="A rule override file (JSON) applied on the national rule set")]
FormatOpt = Annotated[str, typer.Option("--format", help="table, json or csv")]
OutOpt = Annotated[Path | None, typer.Option("--out", help="Write to this file")]


def parse_months(text: str) -> int:
    """`12m`, `18`, `2y`, `1y6m` -> months."""
    match = re.fullmatch(r"\s*(?:(\d+)\s*y)?\s*(?:(\d+)\s*m?)?\s*", text.lower())
    if not text.strip() or match is None or not any(match.groups()):
        raise InvalidInput(f"{text!r}: a horizon is like 12m, 18m or 2y")
    years, months = match.groups()
    return int(years or 0) * 12 + int(months or 0)


def _day(as_of: datetime | None) -> datetime:
    return as_of or datetime.now()


def _emit(text: str, out: Path | None) -> None:
    if out is None:
        typer.echo(text, nl=False)
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, "utf-8")
        console.print(f"已写出 written: {out}")


def due(ctx: typer.Context, as_of: AsOfOpt = None, within: WithinOpt = "12m",
        rules: RulesOpt = None, fmt: FormatOpt = "table", out: OutOpt = None) -> None:
    """应交流名单: every cadre who must or should move, with rules, dates and exemptions."""
    st = state(ctx)
    day = _day(as_of).date()
    with store_of(st) as store, fail_cleanly():
        months = parse_months(within)
        items = due_list(store, rules_of(st, rules), day, months)
    if fmt == "json":
        body = "[" + ",\n".join(i.model_dump_json() for i in items) + "]\n"
        _emit(body, out)
    elif fmt == "csv":
        _emit(export.to_csv(export.due_table(items)), out)
    else:
        headers, rows = export.due_table(items)
        console.print(table(f"应交流名单 due @ {day}（{within}内）", headers, rows))
        must = sum(i.strength == "must" and not i.exempt for i in items)
        console.print(f"{len(items)} 人，其中必须交流 {must} 人，豁免 "
                      f"{sum(i.exempt for i in items)} 人")


def candidates(
    ctx: typer.Context,
    person: Annotated[str | None, typer.Option(help="The posts this person may take")] = None,
    post: Annotated[str | None, typer.Option(help="The persons who may take this post")] = None,
    as_of: AsOfOpt = None,
    open_selection: Annotated[bool, typer.Option(
        help="Open selection (公开选拔): at least 3 candidates instead of 2")] = False,
    limit: Annotated[int, typer.Option(min=1, max=500, help="Show at most this many")] = 20,
    rules: RulesOpt = None, fmt: FormatOpt = "table", out: OutOpt = None,
) -> None:
    """人选/去向: ranked candidates for a person or a post, each rule passed and failed."""
    st = state(ctx)
    day = _day(as_of).date()
    with store_of(st) as store, fail_cleanly():
        if (person is None) == (post is None):
            raise InvalidInput("give exactly one of --person or --post")
        rule_set = rules_of(st, rules)
        found = (for_person(store, rule_set, person, day, limit) if person is not None else
                 for_post(store, rule_set, str(post), day, open_selection, limit))
    if fmt == "json":
        _emit(found.model_dump_json(indent=1) + "\n", out)
    elif fmt == "csv":
        _emit(export.to_csv(export.candidate_table(found)), out)
    else:
        headers, rows = export.candidate_table(found)
        console.print(table(f"{found.label}（{found.subject_id}）@ {day}", headers, rows))
        console.print(found.note)


def _print_plan(result: Plan) -> None:
    for title, part in (("调动方案", export.move_table(result)),
                        ("未调整的应交流人员", export.unmoved_table(result)),
                        ("空缺职位", export.unfilled_table(result))):
        console.print(table(title, *part))
    console.print(f"状态 {result.status}，目标值 {result.objective:g}，差距 {result.gap:.4f}，"
                  f"用时 {result.solve_seconds:g} 秒，复核新增回避情形 {len(result.recheck)} 条")


def plan(
    ctx: typer.Context,
    as_of: AsOfOpt = None,
    within: WithinOpt = "12m",
    lock: Annotated[list[str] | None, typer.Option(
        help="A person or post that does not move (repeatable)")] = None,
    forbid: Annotated[list[str] | None, typer.Option(
        help="PERSON=POST never to be planned (repeatable)")] = None,
    must: Annotated[list[str] | None, typer.Option(
        help="PERSON=POST to be planned whatever else (repeatable)")] = None,
    time_limit: Annotated[float, typer.Option(
        min=0.1, max=3600, help="Solver time limit in seconds")] = 30.0,
    should: Annotated[bool, typer.Option(help="Also plan should-moves")] = True,
    rules: RulesOpt = None,
    fmt: Annotated[str, typer.Option("--format", help="json, table, csv or xlsx")] = "table",
    out: OutOpt = None,
) -> None:
    """交流方案: assign due cadres to vacancies and to one another's posts (CP-SAT)."""
    st = state(ctx)
    day = _day(as_of).date()
    with store_of(st) as store, fail_cleanly():
        request = PlanRequest(as_of=day, within_months=parse_months(within), lock=lock or [],
                              forbid=forbid or [], must=must or [], time_limit=time_limit,
                              include_should=should)
        rule_set = rules_of(st, rules)
        with progress_bar() as bar:
            task = bar.add_task(STEPS[0], total=len(STEPS))

            def step(name: str) -> None:
                done = STEPS.index(name)
                bar.update(task, completed=done, description=name)

            result = make_plan(store, rule_set, request, step)
            bar.update(task, completed=len(STEPS))
    if fmt == "json":
        _emit(result.model_dump_json(indent=1) + "\n", out)
    elif fmt == "csv":
        _emit(export.to_csv(export.plan_table(result)), out)
    elif fmt == "xlsx":
        target = out or st.settings.data_dir / "reports" / f"plan-{day:%Y%m%d}.xlsx"
        console.print(f"已写出 written: {export.plan_xlsx(result, target)}")
    else:
        _print_plan(result)


def build_app() -> typer.Typer:
    """The `rotation` sub-app (交流轮岗): due, candidates, plan."""
    app = typer.Typer(name="rotation", no_args_is_help=True,
                      help="交流轮岗 exchange and rotation: due list, candidates, optimised plan.")
    app.command("due")(due)
    app.command("candidates")(candidates)
    app.command("plan")(plan)
    return app
