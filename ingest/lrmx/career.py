"""简历, 现任职务 and 年度考核结果 -> holdings, trainings and assessments.

- a work entry becomes one holding per post written (`XX局副局长、党组成员`: two), in the
  unit and post the catalog matches or makes provisional; `其间` sub-entries too;
- part-time study (在职, 函授, 党校 classes inside a work spell) becomes a training;
- full-time study (school, university) and other entries (待业 …) are not holdings: they stay
  in the 简历 text kept on the person (`lrmx:JianLi`) and count as loaded;
- 现任职务 adds a current holding for each post not already current from the 简历, starting at
  the form's 填表时间 (flagged `start_from`), the earliest date the form vouches for;
- 年度考核结果 gives one assessment per year (see `assess_text`).
Each record carries `lrmx:source` (file and 简历 line) in its extras.
"""

from __future__ import annotations

from graph.model import Assessment, Holding, Training
from ingest.lrmx.assess_text import parse_reviews
from ingest.lrmx.dates import month_or_none
from ingest.lrmx.jianli import ResumeSpell
from ingest.lrmx.jianli_text import split_unit_posts
from ingest.lrmx.record import LrmxRecord
from ingest.lrmx.state import LoadState
from ingest.lrmx.tally import RESUME, REVIEWS, loaded, reject, reject_issue

_NO_POST = "简历条目未能识别单位和职务，未建立任职记录（原文保留在人员的 lrmx:JianLi 中）"


def _spell_extra(spell: ResumeSpell, where: str) -> dict[str, str]:
    extra = {"lrmx:source": where, "lrmx:text": spell.text}
    if spell.notes:
        extra["lrmx:notes"] = "；".join(spell.notes)
    return extra


def _work(state: LoadState, person_id: str, spell: ResumeSpell, where: str) -> None:
    assert spell.unit_text is not None
    held = [state.put(state.holdings, Holding(
        person_id=person_id, post_id=state.catalog.post_for(spell.unit_text, text, where),
        start=spell.start, end=spell.end, extra=_spell_extra(spell, where)))
        for text in spell.post_texts]
    for h in held:
        if h.end is None:
            state.current(h)


def load_resume(state: LoadState, record: LrmxRecord, person_id: str) -> None:
    """Holdings and trainings from the 简历."""
    result = record.resume()
    source = record.source
    for issue in result.issues:
        if issue.severity == "error":
            reject_issue(state.report, RESUME, source, issue)
    for spell in result.spells:
        where = f"{source} 简历第{spell.line_no}行"
        if spell.kind == "work" and (spell.unit_text is None or not spell.post_texts):
            reject(state.report, RESUME, source, "Person/JianLi", _NO_POST, row=spell.line_no,
                   value=spell.text)
            continue
        if spell.kind == "work":
            _work(state, person_id, spell, where)
        elif spell.kind == "study" and spell.part_time:
            state.put(state.trainings, Training(
                person_id=person_id, start=spell.start, end=spell.end,
                institution=spell.unit_text or spell.text, extra=_spell_extra(spell, where)))
        loaded(state.report, RESUME)


def load_current_post(state: LoadState, record: LrmxRecord, person_id: str) -> None:
    text = (record.current_post or "").strip()
    if not text:
        return
    source, where = record.source, f"{record.source} 现任职务"
    unit, posts = split_unit_posts(text, "work")
    start = month_or_none(record.filled_on)
    if unit is None or not posts:
        reason = "现任职务未能识别单位和职务，未建立任职记录（原文保留）"
    elif start is None and any((person_id, state.catalog.post_for(unit, p, where))
                               not in state.dated for p in posts):
        reason = "现任职务缺少任职时间且填表时间无效，未建立任职记录（原文保留）"
    else:
        for post in posts:
            post_id = state.catalog.post_for(unit, post, where)
            if (person_id, post_id) not in state.dated and start is not None:
                state.current(state.put(state.holdings, Holding(
                    person_id=person_id, post_id=post_id, start=start,
                    extra={"lrmx:source": where, "lrmx:text": text, "start_from": "填表时间"})))
        loaded(state.report, RESUME)
        return
    reject(state.report, RESUME, source, "Person/XianRenZhiWu", reason, value=text)


def load_reviews(state: LoadState, record: LrmxRecord, person_id: str) -> None:
    parsed = parse_reviews(record.annual_reviews)
    for item in parsed.items:
        extra = {"lrmx:source": record.source}
        if item.written != item.grade.value:
            extra["lrmx:written"] = item.written
        state.put(state.assessments, Assessment(person_id=person_id, year=item.year,
                                                grade=item.grade, extra=extra))
        loaded(state.report, REVIEWS)
    for fragment, reason in parsed.problems:
        reject(state.report, REVIEWS, record.source, "Person/NianDuKaoHeJieGuo", reason,
               value=fragment)
