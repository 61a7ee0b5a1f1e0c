"""check, rules, kinship: avoidance checks and the rule set from the command line."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from api.cli.common import console, fail_cleanly, rules_of, state, store_of, table
from graph.i18n import Lang
from queries.checks import Proposal, audit, what_if
from queries.findings import FindingsReport
from queries.kinship import KinshipError, resolve

RulesOpt = Annotated[Path | None, typer.Option(
    "--rules", help="A rule override file (JSON) applied on the national rule set")]
FormatOpt = Annotated[str, typer.Option("--format", help="table, json or csv")]
HEADERS = {"zh": ["规则", "强度", "人员", "职位", "亲属关系", "关系", "应回避方", "说明"],
           "en": ["rule", "severity", "persons", "posts", "category", "relation", "mover",
                  "detail"]}


def _rows(rep: FindingsReport) -> list[list[str]]:
    return [[f.rule, f.severity, " ".join(f.persons), " ".join(f.posts), f.category or "",
             f.relation or "", f.mover or "", f.detail] for f in rep.findings]


def print_findings(rep: FindingsReport, fmt: str, lang: Lang) -> None:
    if fmt == "json":
        typer.echo(rep.model_dump_json(indent=1))
    elif fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(HEADERS[lang])
        writer.writerows(_rows(rep))
        typer.echo(buf.getvalue(), nl=False)
    else:
        title = f"回避检查 avoidance findings @ {rep.as_of or '全部时间'} ({rep.rule_set})"
        console.print(table(title, HEADERS[lang], _rows(rep)))
        console.print(f"{len(rep.findings)} 条 findings")


def check(
    ctx: typer.Context,
    as_of: Annotated[datetime | None, typer.Option(
        formats=["%Y-%m-%d"], help="Check as of this date (default today)")] = None,
    person: Annotated[str | None, typer.Option(help="Only findings involving this person")] = None,
    propose: Annotated[list[str] | None, typer.Option(
        help="What-if: PERSON=POST[@YYYY-MM-DD], repeatable")] = None,
    rules: RulesOpt = None,
    fmt: FormatOpt = "table",
) -> None:
    """Avoidance checks (回避检查): full audit, one person, or proposed appointments."""
    st = state(ctx)
    day = as_of.date() if as_of else datetime.now().date()
    with store_of(st) as store, fail_cleanly():
        rule_set = rules_of(st, rules)
        if propose:
            proposals = [Proposal.parse(p) for p in propose]
            rep = what_if(store, rule_set, proposals, as_of.date() if as_of else None)
        else:
            rep = audit(store, rule_set, day, person)
    print_findings(rep, fmt, st.lang)


def rules_cmd(ctx: typer.Context, rules: RulesOpt = None, fmt: FormatOpt = "table") -> None:
    """Print the active rule set (规则集) with citations."""
    st = state(ctx)
    with fail_cleanly():
        rule_set = rules_of(st, rules)
    if fmt == "json":
        typer.echo(rule_set.model_dump_json(indent=1))
        return
    heads = ["规则", "类别", "强度", "启用", "名称", "依据"] if st.lang == "zh" else [
        "rule", "family", "strength", "enabled", "title", "citation"]
    rows = [[r.id, r.family, r.strength, "是" if r.enabled else "否", r.title(st.lang), r.citation]
            for r in rule_set.rules.values()]
    console.print(table(f"{rule_set.name} {rule_set.version}", heads, rows))


def kinship(
    text: Annotated[str, typer.Argument(help="A 称谓 (岳父), a GB/T 4761 code, or a chain (w,f)")],
    sex: Annotated[str | None, typer.Option(help="The declaring person's sex: M or F")] = None,
    fmt: FormatOpt = "table",
) -> None:
    """Resolve a kinship term (亲属关系) into chains and its avoidance category."""
    try:
        res = resolve(text, sex)
    except KinshipError as exc:
        console.print(f"[bold red]错误 error:[/] {escape(str(exc))}", soft_wrap=True)
        raise typer.Exit(2) from exc
    if fmt == "json":
        typer.echo(json.dumps({"input": res.input, "chains": res.chains,
                               "category": res.category.value,
                               "category_label": res.category_label, "term": res.term,
                               "per_chain": [c.model_dump(mode="json") for c in res.per_chain]},
                              ensure_ascii=False, indent=1))
        return
    console.print(table(f"{text}", ["链 chain", "类别 category", "直接 direct"],
                        [[c.chain, c.category.value, c.direct.value] for c in res.per_chain]))
    console.print(f"{res.category_label} ({res.category.value})")
