"""Eligibility of one person for one post (rules.md §4), without the avoidance what-if.

These checks are cheap (in memory, no store access): they are the prefilter. Each names its
rule ID; `RANK-MATCH` (lateral or one level up, never down) is the planner's own check, not a
rule of the set. Promotion rules (`PROMO-*`) apply only when the post is a level above the
person's current one. `ok=None` means the data cannot tell (e.g. no birth date): not blocking.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel

from graph.vocab import Grade, PostRole
from queries.ranks import level
from queries.rotation.dates import add_months, add_years, age_on, total_days
from queries.rotation.facts import Facts
from queries.rotation.scope import is_township
from queries.rules import Strength


class Check(BaseModel):
    rule: str
    ok: bool | None
    strength: Strength = "must"
    detail: str = ""

    @property
    def blocking(self) -> bool:
        return self.ok is False and self.strength == "must"


def _check(rule: str, ok: bool | None, detail: str, strength: Strength = "must") -> Check:
    return Check(rule=rule, ok=ok, strength=strength, detail=detail)


def years_at_rank(facts: Facts, person_id: str, rank: str | None, leading: bool) -> float:
    """Cumulative years, up to the facts' date, in posts of this rank (leading ones only)."""
    spans = [(h.start, min(h.end or facts.as_of, facts.as_of))
             for h in facts.history.get(person_id, [])
             if h.start < facts.as_of and h.post_id in facts.snap.posts
             and facts.snap.posts[h.post_id].rank == rank
             and (not leading or facts.is_leading(h.post_id))]
    return total_days(spans) / 365.25


def _grades(facts: Facts, person_id: str) -> list[tuple[int, Grade]]:
    return [(a.year, a.grade) for a in facts.assessments.get(person_id, [])
            if date(a.year, 12, 31) <= facts.as_of]


def assess_check(facts: Facts, person_id: str, promotion: bool, leading: bool) -> Check:
    rule = facts.rules.rule("ASSESS-BLOCK")
    grades = _grades(facts, person_id)
    if not grades:
        return _check(rule.id, True, "无不利考核记录")
    year, grade = grades[-1]
    running = int(rule.param("basic_years_running"))
    last = grades[-running:]
    basic_run = len(last) == running and all(g == Grade.basically_competent for _, g in last) \
        and last[-1][0] - last[0][0] == running - 1
    if leading and (grade == Grade.incompetent or basic_run):
        return _check(rule.id, False, f"{year}年度考核{grade.value}：不再任用领导职务")
    block = int(rule.param("promotion_block_years"))
    if promotion and grade == Grade.basically_competent and facts.as_of.year <= year + block:
        return _check(rule.id, False, f"{year}年度考核基本称职：{block}年内不得提拔")
    return _check(rule.id, True, f"{year}年度考核{grade.value}")


def _age_cap(facts: Facts, person_id: str, post_id: str) -> Check | None:
    rule = facts.rules.rule("PROMO-AGE")
    person, post = facts.person(person_id), facts.post(post_id)
    township = is_township(facts.unit_of(post_id))
    for name, cat in rule.param("categories").items():
        if ("role" in cat and cat["role"] != post.role.value) or post.rank not in cat["ranks"] \
                or ("township" in cat and cat["township"] != township):
            continue
        caps: dict[str, int] = rule.param("caps")[name]
        if person.birth_date is None:
            return _check(rule.id, None, "出生日期不详")
        age = age_on(person.birth_date, facts.as_of)
        if person.gender:
            cap = caps[person.gender.value]
            return _check(rule.id, age <= cap, f"{age}岁，{name}限{cap}岁")
        low, high = min(caps.values()), max(caps.values())
        ok = True if age <= low else False if age > high else None
        return _check(rule.id, ok, f"{age}岁，性别不详，{name}限{low}-{high}岁")
    return None


def _edu(facts: Facts, person_id: str, post_id: str) -> Check | None:
    rule = facts.rules.rule("PROMO-EDU")
    person, post = facts.person(person_id), facts.post(post_id)
    levels: dict[str, int] = rule.param("levels")
    need = None
    young = person.birth_date is not None and age_on(person.birth_date, facts.as_of) < int(
        rule.param("principal_age"))
    if post.role == PostRole.principal and young:
        need = str(rule.param("principal_under_30"))
    elif post.rank in rule.param("deputy_section_ranks"):
        need = str(rule.param("deputy_section"))
    elif post.rank in rule.param("section_ranks"):
        need = str(rule.param("section_staff_lead"))
    if need is None:
        return None
    text = (person.education or "").strip()
    has = education_level(text, levels)
    if has is None:
        return _check(rule.id, None, f"学历不详（须{need}以上）")
    return _check(rule.id, has >= levels[need], f"{text}（须{need}以上）")


def education_level(text: str, levels: dict[str, int]) -> int | None:
    """The level of an education text by the rule set's ladder: the longest name it contains
    (大学专科毕业 is 大学专科, not 大学)."""
    names = sorted((k for k in levels if k in text), key=lambda k: (-len(k), k))
    return levels[names[0]] if names else None


def _training(facts: Facts, person_id: str) -> Check:
    rule = facts.rules.rule("PROMO-TRAINING")
    since = add_years(facts.as_of, -float(rule.param("window_years")))
    days = sum(t.days if t.days is not None else ((t.end or t.start) - t.start).days + 1
               for t in facts.trainings.get(person_id, []) if since <= t.start <= facts.as_of)
    need = int(rule.param("days"))
    return _check(rule.id, days >= need, f"近{rule.param('window_years')}年累计培训{days}天"
                  f"（须{need}天，可提任后一年内补足）", rule.strength)


def _probation(facts: Facts, person_id: str) -> Check:
    rule = facts.rules.rule("PROMO-PROBATION")
    current = facts.current_posts(person_id)
    on_trial = [h for p in current if (h := facts.snap.holding_of.get((person_id, p)))
                and h.probation_end and h.probation_end > facts.as_of]
    if on_trial:
        return _check(rule.id, False, f"试用期至{on_trial[0].probation_end}")
    mine = facts.current_level(person_id)
    reached = [h.start for p in current if level(facts.snap.posts[p].rank) == mine
               and (h := facts.snap.holding_of.get((person_id, p)))]
    since = min(reached, default=None)
    months = int(rule.param("since_promotion_months"))
    if since and add_months(since, months) > facts.as_of:
        return _check(rule.id, False, f"{since}任现职级，提拔不满{months}个月")
    return _check(rule.id, True, "不在试用期")


def _years_rule(facts: Facts, person_id: str, post_id: str) -> Check | None:
    main = facts.main_post(person_id)
    if main is None:
        return None
    now, target = facts.post(main), facts.post(post_id)
    section = facts.rules.rule("PROMO-SECTION-2Y")
    if now.rank == section.param("from_rank") and target.rank == section.param("to_rank"):
        rule = section
    elif now.role == PostRole.deputy and target.role == PostRole.principal:
        rule = facts.rules.rule("PROMO-DEPUTY-2Y")
    elif now.role == PostRole.principal and target.role in (PostRole.deputy, PostRole.member):
        rule = facts.rules.rule("PROMO-LOWER-3Y")
    else:
        return None
    years = years_at_rank(facts, person_id, now.rank, leading=rule.id != section.id)
    need = float(rule.param("years"))
    return _check(rule.id, years >= need, f"任{now.rank}{years:.1f}年（须{need:g}年）",
                  rule.strength)


def cheap_checks(facts: Facts, person_id: str, post_id: str, *, open_after: bool | None,
                 due_rules: frozenset[str] = frozenset()) -> list[Check]:
    """Every check but avoidance. `open_after`: the post has room once the due holders move
    (None: unknown); `due_rules`: the rules the person is due under."""
    post = facts.post(post_id)
    mine, target = facts.current_level(person_id), level(post.rank)
    jump = target - mine if mine and target else 0
    max_jump = int(facts.rules.rule("PROMO-PROBATION").param("max_level_jump"))
    out = [_check("RANK-MATCH", None if not (mine and target) else jump >= 0,
                  "职级不详" if not (mine and target) else
                  ("平级交流" if jump == 0 else "晋升" if jump > 0 else "不作降级安排"))]
    out.append(_check("HEADCOUNT", open_after, "有空缺" if open_after else
                      "职数已满" if open_after is False else "职数待定"))
    leading = facts.is_leading(post_id)
    if leading and post.rank:
        cap = float(facts.rules.rule("LEVEL-15Y").param("years"))
        spent = years_at_rank(facts, person_id, post.rank, leading=True)
        out.append(_check("LEVEL-15Y", spent < cap, f"{post.rank}领导职务累计{spent:.1f}年"))
    unit = post.unit_id
    for rule_id in ("EXCHANGE-10Y", "ROTATE-TWO-TERMS"):
        if rule_id in due_rules:
            here = {facts.snap.posts[p].unit_id for p in facts.current_posts(person_id)}
            out.append(_check(rule_id, unit not in here, "跨单位交流" if unit not in here
                              else "须交流到其他单位"))
    promotion = jump > 0
    out.append(assess_check(facts, person_id, promotion, leading))
    if promotion:
        probation = _probation(facts, person_id) if jump <= max_jump else _check(
            "PROMO-PROBATION", False, f"越{jump - 1}级提拔")
        extra = [_age_cap(facts, person_id, post_id), _edu(facts, person_id, post_id),
                 _training(facts, person_id), probation, _years_rule(facts, person_id, post_id)]
        out.extend(c for c in extra if c is not None)
    return out

