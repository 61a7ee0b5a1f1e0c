"""Plans, due lists and candidates as tables a planner opens: CSV (UTF-8 with BOM, so Excel
reads the Chinese) and XLSX (one sheet per part), with Chinese headers."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from queries.rotation.candidates import CandidateList
from queries.rotation.due import DueItem
from queries.rotation.report import Plan

Table = tuple[list[str], list[list[str]]]

MOVE_HEADERS = ["人员编码", "姓名", "原职位编码", "原职位", "拟任职位编码", "拟任职位", "交流类型",
                "适配分", "应交流依据", "理由"]
UNMOVED_HEADERS = ["人员编码", "姓名", "强度", "应交流依据", "未调整原因"]
UNFILLED_HEADERS = ["职位编码", "职位", "空缺数", "说明"]
PLAN_HEADERS = ["类别", "人员编码", "姓名", "原职位", "拟任职位", "交流类型", "依据规则", "说明"]
DUE_HEADERS = ["人员编码", "姓名", "现任职位", "到期日", "强度", "豁免", "到龄退休", "依据规则",
               "说明"]
CANDIDATE_HEADERS = ["人员编码", "姓名", "职位编码", "职位", "符合条件", "适配分", "交流类型",
                     "符合", "不符合", "待核实"]


def move_table(plan: Plan) -> Table:
    return MOVE_HEADERS, [[m.person_id, m.name, m.from_post or "", m.from_label, m.to_post,
                           m.to_label, m.kind, str(m.score), "、".join(m.due_rules),
                           "；".join(m.reasons)] for m in plan.moves]


def unmoved_table(plan: Plan) -> Table:
    return UNMOVED_HEADERS, [[u.person_id, u.name, u.strength, "、".join(u.rules), u.why]
                             for u in plan.unmoved_due]


def unfilled_table(plan: Plan) -> Table:
    return UNFILLED_HEADERS, [[u.post_id, u.label, str(u.vacant), u.why] for u in plan.unfilled]


def plan_table(plan: Plan) -> Table:
    """The whole plan in one table (moves, then unmoved cadres, then vacancies)."""
    rows = [["调动", m.person_id, m.name, m.from_label, m.to_label, m.kind,
             "、".join(m.due_rules), "；".join(m.reasons)] for m in plan.moves]
    rows += [["未调整", u.person_id, u.name, "", "", "", "、".join(u.rules), u.why]
             for u in plan.unmoved_due]
    rows += [["空缺", "", "", u.label, "", "", "", f"空缺{u.vacant}：{u.why}"]
             for u in plan.unfilled]
    return PLAN_HEADERS, rows


def summary_table(plan: Plan) -> Table:
    rows = [["基准日", str(plan.as_of)], ["规则集", plan.rule_set], ["求解状态", plan.status],
            ["目标值", f"{plan.objective:g}"], ["最优界", f"{plan.best_bound:g}"],
            ["差距", f"{plan.gap:.4f}"], ["求解用时(秒)", f"{plan.solve_seconds:g}"],
            ["复核新增回避情形", str(len(plan.recheck))]]
    rows += [[f"统计:{k}", str(v)] for k, v in plan.stats.items()]
    return ["项目", "值"], rows


def due_table(items: list[DueItem]) -> Table:
    return DUE_HEADERS, [[i.person_id, i.name, " ".join(i.posts), str(i.due_on), i.strength,
                          "是" if i.exempt else "否", str(i.retirement_date or ""),
                          "、".join(i.rules), "；".join(r.detail for r in i.reasons)]
                         for i in items]


def candidate_table(found: CandidateList) -> Table:
    return CANDIDATE_HEADERS, [
        [c.person_id, c.name, c.post_id, c.post, "是" if c.eligible else "否", str(c.score),
         c.kind, "、".join(c.passed), "；".join(f"{x.rule}：{x.detail}" for x in c.failed),
         "、".join(c.unknown)] for c in found.candidates]


def to_csv(table: Table) -> str:
    buf = io.StringIO()
    buf.write("\ufeff")
    writer = csv.writer(buf)
    writer.writerow(table[0])
    writer.writerows(table[1])
    return buf.getvalue()


def write_xlsx(sheets: dict[str, Table], path: Path) -> Path:
    book = Workbook()
    for blank in list(book.worksheets):
        book.remove(blank)
    for title, (headers, rows) in sheets.items():
        sheet = book.create_sheet(title)
        sheet.append(headers)
        for row in rows:
            sheet.append(row)
        for i, header in enumerate(headers, start=1):
            longest = max((len(str(r[i - 1])) for r in rows), default=0)
            width = min(60, max(len(header) * 2 + 2, longest + 2))
            sheet.column_dimensions[get_column_letter(i)].width = width
        sheet.freeze_panes = "A2"
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def plan_xlsx(plan: Plan, path: Path) -> Path:
    return write_xlsx({"调动方案": move_table(plan), "未调整人员": unmoved_table(plan),
                       "空缺职位": unfilled_table(plan), "概要": summary_table(plan)}, path)
