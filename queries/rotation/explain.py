"""Every move explains itself; every due cadre left unmoved and every post left empty says why."""

from __future__ import annotations

from queries.rotation.due import DueItem
from queries.rotation.options import Setup
from queries.rotation.report import Move, Unfilled, Unmoved
from queries.rotation.solver import Solution

CODE_TEXT = {"LOCKED": "已锁定，不作调整", "FORBID": "指定不得前往", "RANK-MATCH": "职级不相当",
             "AVOIDANCE": "回避", "TAKEN": "可去职位均已由他人补缺（职数所限）",
             "CONFLICT": "可去职位均与其他调动构成回避冲突",
             "NOT-CHOSEN": "综合最优方案未安排（调动总数最少、人岗相适优先）",
             "TIME-LIMIT": "求解时限内未能安排"}


def _cycle(person: str, moved_to: dict[str, str], holder: dict[str, list[str]]) -> list[str]:
    """The movers of a swap or longer cycle through `person`, in order (empty if none)."""
    path, current = [person], person
    while True:
        nxt = [h for h in holder.get(moved_to[current], []) if h in moved_to]
        if not nxt:
            return []
        current = nxt[0]
        if current == person:
            return path
        if current in path or len(path) > len(moved_to):
            return []
        path.append(current)


def moves(setup: Setup, solution: Solution, items: dict[str, DueItem],
          forced: set[int]) -> list[Move]:
    facts = setup.facts
    chosen = {setup.options[i].person: i for i in solution.chosen}
    moved_to = {p: setup.options[i].post for p, i in chosen.items()}
    holder = {p: facts.snap.holders.get(p, []) for p in moved_to.values()}
    out = []
    for person, i in sorted(chosen.items()):
        post, fit, checks = moved_to[person], setup.fits[i], setup.checks[i]
        item = items.get(person)
        reasons = [f"{r.rule}：{r.detail}" for r in (item.reasons if item else [])
                   if r.exempt_by is None]
        reasons.append(fit.kind)
        cycle = _cycle(person, moved_to, holder)
        if len(cycle) == 2:
            reasons.append(f"与{facts.name(cycle[1])}对调")
        elif cycle:
            reasons.append(f"{len(cycle)}人循环交流：" + "→".join(facts.name(p) for p in cycle))
        elif facts.vacancy(post) > 0:
            reasons.append("补充空缺职位")
        reasons.extend(fit.notes)
        if i in forced:
            reasons.append("按指定安排（must）")
        reasons.append("符合：" + "、".join(c.rule for c in checks if c.ok))
        main = facts.main_post(person)
        out.append(Move(
            person_id=person, name=facts.name(person), from_post=main, to_post=post,
            from_label=facts.post_label(main) if main else "", to_label=facts.post_label(post),
            kind=fit.kind, score=fit.score, due_rules=item.rules if item else [],
            passed=[c.rule for c in checks if c.ok], reasons=reasons))
    return out


def unmoved(setup: Setup, solution: Solution, items: dict[str, DueItem],
            locked: set[str]) -> list[Unmoved]:
    facts, problem = setup.facts, setup.problem
    assert problem is not None
    moved = {setup.options[i].person for i in solution.chosen}
    taken = {setup.options[i].post for i in solution.chosen}
    options_of: dict[str, list[int]] = {}
    for i, o in enumerate(setup.options):
        options_of.setdefault(o.person, []).append(i)
    required = {a for a, _ in problem.requires}
    paired = {i for pair in problem.conflicts for i in pair}
    out = []
    for person, item in sorted(items.items()):
        if person in moved or item.exempt:
            continue
        codes: list[str]
        mine = options_of.get(person, [])
        partners = [p for g in problem.not_both if person in g for p in g
                    if p != person and p in moved]
        if person in locked:
            codes, why = ["LOCKED"], CODE_TEXT["LOCKED"]
        elif not mine:
            counts = setup.rejected.get(person)
            codes = ["NO-OPTION", *sorted(counts or {})]
            detail = "、".join(f"{CODE_TEXT.get(r, r)}×{n}" for r, n in sorted(
                (counts or {}).items(), key=lambda kv: (-kv[1], kv[0])))
            why = "无符合条件的职位" + (f"（{detail}）" if detail else "（无空缺或可交换职位）")
        elif partners:
            codes = ["EXCHANGE-NOT-BOTH"]
            why = (f"EXCHANGE-NOT-BOTH：同地（部门）党政正职{'、'.join(map(facts.name, partners))}"
                   "已安排交流，不同时交流")
        elif solution.status not in ("OPTIMAL", "FEASIBLE", "GREEDY"):
            codes, why = ["TIME-LIMIT"], CODE_TEXT["TIME-LIMIT"] + f"（{solution.status}）"
        elif all(setup.options[i].post in taken for i in mine):
            codes, why = ["TAKEN"], CODE_TEXT["TAKEN"]
        elif any(i in required or i in paired for i in mine):
            codes, why = ["CONFLICT"], CODE_TEXT["CONFLICT"]
        else:
            codes = ["NOT-CHOSEN" if solution.status == "OPTIMAL" else "TIME-LIMIT"]
            why = CODE_TEXT[codes[0]]
        out.append(Unmoved(person_id=person, name=item.name, strength=item.strength,
                           rules=item.rules, why=why, codes=codes))
    return sorted(out, key=lambda u: (u.strength != "must", u.person_id))


def unfilled(setup: Setup, solution: Solution) -> list[Unfilled]:
    """Leading posts left vacant, and any post the plan empties without refilling."""
    facts = setup.facts
    chosen = [setup.options[i] for i in solution.chosen]
    leaving = {o.person for o in chosen}
    arriving: dict[str, int] = {}
    for o in chosen:
        arriving[o.post] = arriving.get(o.post, 0) + 1
    out = []
    for post_id, post in sorted(facts.snap.posts.items()):
        holders = facts.snap.holders.get(post_id, [])
        gone = sum(h in leaving for h in holders)
        after = len(holders) - gone + arriving.get(post_id, 0)
        if after >= post.headcount or not (gone or facts.is_leading(post_id)):
            continue
        why = ("原任职者调出，无符合条件的应交流干部补缺" if gone else
               "无符合条件的应交流干部（可从非应交流干部中选任，见 candidates --post）")
        out.append(Unfilled(post_id=post_id, label=facts.post_label(post_id),
                            vacant=post.headcount - after, why=why))
    return out
