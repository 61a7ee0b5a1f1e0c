"""Level-specific words and ranks: the same shapes at county, city and province level."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Profile:
    level: str
    x: str
    """县, 市 or 省: as in 县委书记, 市长."""
    top: str
    top_deputy: str
    dept: str
    dept_deputy: str
    div_head: str
    div_deputy: str
    inst_level: str
    inst_head: str
    inst_deputy: str
    minor_head: str
    minor_deputy: str
    bureau: str
    division: str

    def dept_name(self, name: str) -> str:
        if self.bureau != "局" and name.endswith("局") and name != "公安局":
            name = name[:-1] + self.bureau
        if name == "公安局" and self.bureau == "厅":
            name = "公安厅"
        if name == "人民法院":
            name = {"县": "人民法院", "市": "中级人民法院", "省": "高级人民法院"}[self.x]
        return name

    def head_title(self, title: str) -> str:
        return title.replace("局", self.bureau) if self.bureau != "局" else title

    def division_name(self, name: str) -> str:
        return name[:-1] + self.division if name.endswith("股") else name


COUNTY = Profile("county", "县", "正处", "副处", "正科", "副科", "正股", "副股", "股级", "正股",
                 "副股", "副科", "正股", "局", "股")
CITY = Profile("city", "市", "正厅", "副厅", "正处", "副处", "正科", "副科", "正科", "正科",
               "副科", "副处", "正科", "局", "科")
PROVINCE = Profile("province", "省", "正部", "副部", "正厅", "副厅", "正处", "副处", "正处", "正处",
                   "副处", "副厅", "正处", "厅", "处")
PROFILES = {p.level: p for p in (COUNTY, CITY, PROVINCE)}


def division_titles(name: str) -> tuple[str, str, str]:
    """(head, deputy, staff) titles of an internal division: 财务股长, 财务股副股长, 财务股科员."""
    for end, tail in (("大队", "大队长"), ("股", "股长"), ("科", "科长"), ("处", "处长"),
                      ("庭", "庭长"), ("局", "局长")):
        if name.endswith(end):
            return name + "长", name + "副" + tail, name + "科员"
    return name + "主任", name + "副主任", name + "科员"
