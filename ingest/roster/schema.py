"""The roster bundle's tables: file names, columns, Chinese aliases and value parsers.

One spec drives reading (any alias accepted) and writing (English headers), so the two can
never disagree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from graph.model import (
    Act,
    Assessment,
    Holding,
    Kinship,
    Person,
    Post,
    Record,
    Region,
    Training,
    Unit,
)
from graph.vocab import ActRole, Gender, Grade, Method, PostFunction, PostRole, UnitKind, parse_enum
from ingest.values import parse_date, parse_int, parse_list

Parser = Callable[[str], Any]


def _enum(enum: type[StrEnum]) -> Parser:
    return lambda text: parse_enum(enum, text)


def text_cell(text: str) -> str:
    return text.strip()


@dataclass(frozen=True)
class Column:
    name: str
    aliases: tuple[str, ...] = ()
    field: str = ""
    parse: Parser = text_cell
    required: bool = False
    """The column must be present and every row must fill it."""

    @property
    def attr(self) -> str:
        return self.field or self.name


@dataclass(frozen=True)
class Table:
    name: str
    sheet_aliases: tuple[str, ...]
    model: type[Record]
    columns: tuple[Column, ...]
    required: bool = False
    key: tuple[str, ...] = ()
    """Model attributes that identify a row (duplicates are checked on these)."""

    @property
    def filename(self) -> str:
        return f"{self.name}.csv"


def _c(name: str, alias: str = "", field: str = "", parse: Parser = text_cell,
       required: bool = False) -> Column:
    aliases = tuple(a for a in alias.split("|") if a)
    return Column(name, aliases, field, parse, required)


TABLES: tuple[Table, ...] = (
    Table("regions", ("行政区划",), Region, (
        _c("region_code", "行政区划代码|区划代码", "code", required=True),
        _c("name", "名称|区划名称", required=True),
        _c("parent_code", "上级区划|上级代码"),
    ), key=("code",)),
    Table("units", ("单位", "机构"), Unit, (
        _c("unit_id", "单位编码", "id", required=True),
        _c("name", "单位名称", required=True),
        _c("parent_id", "上级单位"),
        _c("kind", "单位类别", parse=_enum(UnitKind)),
        _c("level", "级别"),
        _c("region_code", "行政区划"),
        _c("regulates", "监管对象", parse=parse_list),
    ), required=True, key=("id",)),
    Table("posts", ("职位",), Post, (
        _c("post_id", "职位编码", "id", required=True),
        _c("unit_id", "单位编码", required=True),
        _c("title", "职务名称", required=True),
        _c("rank", "职级"),
        _c("role", "职务类型", parse=_enum(PostRole)),
        _c("function", "工作性质", parse=_enum(PostFunction)),
        _c("reports_to", "直接领导职位"),
        _c("oversees", "分管单位", parse=parse_list),
        _c("headcount", "职数", parse=parse_int),
    ), required=True, key=("id",)),
    Table("persons", ("人员",), Person, (
        _c("person_id", "人员编码", "id", required=True),
        _c("name", "姓名", required=True),
        _c("gender", "性别", parse=_enum(Gender)),
        _c("birth_date", "出生年月|出生日期", parse=parse_date),
        _c("id_number", "身份证号|公民身份号码"),
        _c("ethnicity", "民族"),
        _c("native_place", "籍贯"),
        _c("birthplace", "出生地"),
        _c("grew_up_in", "成长地"),
        _c("party", "政治面貌"),
        _c("education", "学历"),
        _c("work_start", "参加工作时间", parse=parse_date),
        _c("retirement_date", "到龄年月", parse=parse_date),
    ), required=True, key=("id",)),
    Table("holdings", ("任职经历", "任职"), Holding, (
        _c("person_id", "人员编码", required=True),
        _c("post_id", "职位编码", required=True),
        _c("start", "任职时间", parse=parse_date, required=True),
        _c("end", "免职时间", parse=parse_date),
        _c("method", "任用方式", parse=_enum(Method)),
        _c("probation_end", "试用期满", parse=parse_date),
    ), required=True, key=("person_id", "post_id", "start")),
    Table("kinship", ("家庭成员", "家庭成员及主要社会关系"), Kinship, (
        _c("person_id", "人员编码", required=True),
        _c("relative_id", "亲属编码", required=True),
        _c("relation", "称谓", required=True),
        _c("since", "起始时间", parse=parse_date),
        _c("until", "终止时间", parse=parse_date),
    ), key=("person_id", "relative_id")),
    Table("roles", ("角色",), Act, (
        _c("actor_id", "行为人编码", required=True),
        _c("candidate_id", "对象编码", required=True),
        _c("role", "角色", parse=_enum(ActRole), required=True),
        _c("post_id", "职位编码"),
        _c("date", "日期", "on", parse=parse_date),
    ), key=("actor_id", "candidate_id", "role", "post_id", "on")),
    Table("assessments", ("年度考核",), Assessment, (
        _c("person_id", "人员编码", required=True),
        _c("year", "年度", parse=parse_int, required=True),
        _c("grade", "考核结果|等次", parse=_enum(Grade), required=True),
    ), key=("person_id", "year")),
    Table("trainings", ("教育培训", "培训"), Training, (
        _c("person_id", "人员编码", required=True),
        _c("start", "开始时间", parse=parse_date, required=True),
        _c("end", "结束时间", parse=parse_date),
        _c("days", "天数", parse=parse_int),
        _c("institution", "培训机构"),
    ), key=("person_id", "start", "institution")),
)

TABLE_BY_NAME = {t.name: t for t in TABLES}


def bundle_field(table: Table) -> str:
    """The Bundle attribute a table fills."""
    return "roles" if table.name == "roles" else table.name


def header(table: Table) -> list[str]:
    return [c.name for c in table.columns]
