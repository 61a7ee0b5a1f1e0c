"""chain, span, trail: supervision chains, spans and the accountability trail (issue 5).

The lead registers them in `api/cli/main.py`:
`app.command("chain")(supervision_cmds.chain)`, `app.command("span")(supervision_cmds.span)`,
`app.command("trail")(supervision_cmds.trail)`.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any

import typer

from api.cli.common import State, console, fail_cleanly, rules_of, state, store_of, table
from queries.supervision.chain import RELATION_ZH, ChainReport, ChainStep, PostChain, chain_report
from queries.supervision.network import chain_network
from queries.supervision.reverse import RecommendedReport, recommendation_network, recommended
from queries.supervision.span import SpanReport
from queries.supervision.span import span as span_of
from queries.supervision.trail import ROLE_ZH, TrailReport
from queries.supervision.trail import trail as trail_of

AsOfOpt = Annotated[datetime | None, typer.Option(
    "--as-of", formats=["%Y-%m-%d"], help="As of this date (default today)")]
FormatOpt = Annotated[str, typer.Option("--format", help="table or json (chain: also graph)")]
MATCH_ZH = {"post": "职位相符", "date": "一年内", "none": "未匹配"}


def _day(as_of: datetime | None) -> date:
    return as_of.date() if as_of else datetime.now().date()


def _json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=1))


def chain_json(rep: ChainReport) -> dict[str, Any] | list[dict[str, Any]]:
    """The CLI shape: one object for a single chain, a list for several (or none)."""
    out = [{"subject": rep.subject, "as_of": rep.as_of.isoformat() if rep.as_of else None,
            "post_id": c.post_id,
            "chain": [s.model_dump(mode="json") for s in c.chain],
            "top": c.top.model_dump(mode="json") if c.top else None, "cycle": c.cycle}
           for c in rep.chains]
    return out[0] if len(out) == 1 else out


def _holders(step: ChainStep, names: dict[str, str], st: State) -> str:
    mark = "（代理）" if st.lang == "zh" else " (acting)"
    return "、".join(names.get(p, p) + (mark if p in step.acting_holders else "")
                    for p in step.holders)


def _chain_table(c: PostChain, rep: ChainReport, st: State) -> None:
    zh = st.lang == "zh"
    heads = (["级", "关系", "职位", "任职人员", "状态", "其他上级"] if zh else
             ["level", "relation", "post", "holders", "status", "alternatives"])
    rows = []
    for i, s in enumerate([c.start, *c.chain]):
        status = ("空缺" if zh else "vacant") if s.vacant else (
            ("代理" if zh else "acting") if s.acting else "")
        relation = RELATION_ZH.get(s.relation, s.relation) if zh else s.relation
        rows.append([i, relation, s.label, _holders(s, rep.names, st), status,
                     " ".join(s.alternatives)])
    console.print(table(f"{'监督链' if zh else 'chain'} {c.start.label} @ {rep.as_of}", heads,
                        rows))
    if c.cycle:
        console.print(f"[bold red]{'循环' if zh else 'cycle'}:[/] {' → '.join(c.cycle)}")
    elif c.top is not None:
        who = _holders(c.top, rep.names, st) or ("空缺" if zh else "vacant")
        console.print(f"{'最高领导' if zh else 'top'}: {c.top.label} {who}")


def chain(
    ctx: typer.Context,
    subject: Annotated[str, typer.Argument(help="A person or post id (person/ID, post/ID)")],
    as_of: AsOfOpt = None,
    fmt: FormatOpt = "table",
) -> None:
    """The supervision chain (监督链) of a post, or of each post a person holds."""
    st = state(ctx)
    with store_of(st) as store, fail_cleanly():
        rep = chain_report(store, subject, _day(as_of))
    if fmt == "json":
        _json(chain_json(rep))
    elif fmt == "graph":
        typer.echo(chain_network(rep).model_dump_json(indent=1))
    elif not rep.chains:
        console.print(f"{rep.names.get(rep.subject, rep.subject)}: "
                      f"{'当日无任职' if st.lang == 'zh' else 'no post on that day'}")
    else:
        for c in rep.chains:
            _chain_table(c, rep, st)


def _span_tables(rep: SpanReport, st: State) -> None:
    zh = st.lang == "zh"
    heads = (["级", "人员", "职位", "经由"] if zh else ["level", "person", "post", "via"])
    rows = [[m.level, m.name + ("（代理）" if m.acting and zh else ""), m.label, m.via]
            for m in rep.members]
    console.print(table(f"{'监督范围' if zh else 'span'} {rep.name} @ {rep.as_of}", heads, rows))
    console.print(table("", ["级", "职位数", "人数", "空缺"] if zh else
                        ["level", "posts", "persons", "vacant"],
                        [[x.level, x.posts, x.persons, x.vacant] for x in rep.levels]))
    console.print(table("", ["单位", "人数"] if zh else ["unit", "persons"],
                        [[u.name, u.persons] for u in rep.units]))
    console.print(f"{'合计' if zh else 'total'}: {rep.total}")


def span(
    ctx: typer.Context,
    person: Annotated[str, typer.Argument(help="The leader's person id")],
    as_of: AsOfOpt = None,
    fmt: FormatOpt = "table",
) -> None:
    """Everyone a leader supervises (监督范围), directly and indirectly, with counts."""
    st = state(ctx)
    with store_of(st) as store, fail_cleanly():
        rep = span_of(store, person, _day(as_of))
    if fmt == "json":
        typer.echo(rep.model_dump_json(indent=1))
    else:
        _span_tables(rep, st)


def _trail_table(rep: TrailReport, st: State) -> None:
    zh = st.lang == "zh"
    heads = (["职位", "任职时间", "角色", "人员", "日期", "依据"] if zh else
             ["post", "held", "role", "actor", "date", "matched"])
    rows: list[list[Any]] = []
    for h in rep.holdings:
        held = f"{h.start}~{h.end or ''}"
        acts = [*h.acts, *h.references]
        rows.extend([h.label, held, ROLE_ZH[a.role] if zh else a.role, a.actor_name,
                     a.on or "", MATCH_ZH[a.matched] if zh else a.matched] for a in acts)
        if not acts:
            rows.append([h.label, held, "—", "", "", ""])
    rows.extend(["—", "", ROLE_ZH[a.role] if zh else a.role, a.actor_name, a.on or "",
                 a.post_id or ""] for a in rep.unplaced)
    console.print(table(f"{'任用责任链' if zh else 'trail'} {rep.name}", heads, rows))


def _recommended_table(rep: RecommendedReport, st: State) -> None:
    zh = st.lang == "zh"
    heads = (["人员", "推荐/考察", "现任职务", "问题", "最近考核"] if zh else
             ["person", "acts", "now", "findings", "assessments"])
    rows = [[p.name, " ".join(f"{ROLE_ZH[a.role] if zh else a.role}{a.on or ''}" for a in p.acts),
             "、".join(x.label for x in p.now) or ("无现职" if zh else "none"),
             " ".join(f.rule for f in p.findings),
             " ".join(f"{a.year}{a.grade}" for a in p.assessments)] for p in rep.people]
    console.print(table(f"{rep.name} {'推荐、考察的干部' if zh else 'recommended'} @ {rep.as_of}",
                        heads, rows))


def trail(
    ctx: typer.Context,
    person: Annotated[str, typer.Argument(help="The person id")],
    post: Annotated[str | None, typer.Option(help="Only the holdings of this post")] = None,
    reverse: Annotated[bool, typer.Option(
        "--reverse", help="Whom the person recommended or inspected, and where they are now")
    ] = False,
    network: Annotated[bool, typer.Option(
        "--network", help="The recommendation network of the person's span (JSON)")] = False,
    as_of: AsOfOpt = None,
    rules: Annotated[Path | None, typer.Option(
        "--rules", help="A rule override file for --reverse findings")] = None,
    fmt: FormatOpt = "table",
) -> None:
    """The accountability trail (任用责任链): who recommended, inspected, voted, decided."""
    st = state(ctx)
    with store_of(st) as store, fail_cleanly():
        if network:
            typer.echo(recommendation_network(store, person, _day(as_of)).model_dump_json(
                indent=1))
            return
        if reverse:
            rule_set = rules_of(st, rules)
            rev = recommended(store, rule_set, person, _day(as_of))
            if fmt == "json":
                typer.echo(rev.model_dump_json(indent=1))
            else:
                _recommended_table(rev, st)
            return
        rep = trail_of(store, person, post)
    if fmt == "json":
        typer.echo(rep.model_dump_json(indent=1))
    else:
        _trail_table(rep, st)
