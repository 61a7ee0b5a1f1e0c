"""The typed intermediate record of one 干部任免审批表 (`.lrmx`): raw text plus derived values.

Every scalar field keeps the element's raw text exactly (None when the element is absent,
"" when it is present but empty). Derived values (`birth_month`, ...) are computed from the
raw text, so they can never disagree with it; they are None when the text is not a date.
Field aliases are the official element names, and field order is the official layout order.
"""

from __future__ import annotations

import base64
import binascii
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, computed_field, field_validator

from ingest.lrmx.dates import month_or_none
from ingest.lrmx.errors import LrmxIssue
from ingest.lrmx.jianli import JianliResult, parse_jianli

ROOT_TAG = "Person"
FAMILY_TAG = "JiaTingChengYuan"
ITEM_TAG = "Item"


def _text(alias: str, title: str) -> Any:
    return Field(None, alias=alias, title=title)


class ExtraNode(BaseModel):
    """A node kept verbatim: an unknown element, a comment, or a known element that could
    not be mapped to a typed field (duplicate, nested markup, rejected family member).

    `parent` is the path of the parent element (`Person`, `Person/JiaTingChengYuan`,
    `Person/JiaTingChengYuan/Item[2]`); `position` is the node's index among the parent's
    child nodes, so the writer puts it back where it was. `tag` is `#comment` or `#pi`
    for comments and processing instructions. The parser lists them in document order.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    parent: str
    position: int = Field(ge=0)
    tag: str
    text: str | None
    xml: str


class FamilyMember(BaseModel):
    """One 家庭成员及主要社会关系 row (`JiaTingChengYuan/Item`)."""

    model_config = ConfigDict(validate_by_name=True, validate_by_alias=True, extra="forbid")

    relation: str | None = _text("ChengWei", "称谓")
    name: str = Field(alias="XingMing", title="姓名")
    birth_raw: str | None = _text("ChuShengRiQi", "出生日期")
    political_status: str | None = _text("ZhengZhiMianMao", "政治面貌")
    unit_and_post: str | None = _text("GongZuoDanWeiJiZhiWu", "工作单位及职务")

    @field_validator("name")
    @classmethod
    def _has_name(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("a family member needs a name (XingMing)")
        return value

    @computed_field  # type: ignore[prop-decorator]
    @property
    def birth_month(self) -> date | None:
        return month_or_none(self.birth_raw)


class LrmxRecord(BaseModel):
    """Everything read from one `.lrmx` file; see the module docstring."""

    model_config = ConfigDict(validate_by_name=True, validate_by_alias=True, extra="forbid")

    source: str
    name: str | None = _text("XingMing", "姓名")
    gender: str | None = _text("XingBie", "性别")
    birth_month_raw: str | None = _text("ChuShengNianYue", "出生年月")
    ethnicity: str | None = _text("MinZu", "民族")
    native_place: str | None = _text("JiGuan", "籍贯")
    birthplace: str | None = _text("ChuShengDi", "出生地")
    party_entry_raw: str | None = _text("RuDangShiJian", "入党时间")
    work_start_raw: str | None = _text("CanJiaGongZuoShiJian", "参加工作时间")
    health: str | None = _text("JianKangZhuangKuang", "健康状况")
    professional_title: str | None = _text("ZhuanYeJiShuZhiWu", "专业技术职务")
    expertise: str | None = _text("ShuXiZhuanYeYouHeZhuanChang", "熟悉专业有何专长")
    fulltime_education: str | None = _text("QuanRiZhiJiaoYu_XueLi", "全日制教育学历")
    fulltime_degree: str | None = _text("QuanRiZhiJiaoYu_XueWei", "全日制教育学位")
    fulltime_education_school: str | None = _text(
        "QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi", "全日制教育学历毕业院校系及专业")
    fulltime_degree_school: str | None = _text(
        "QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi", "全日制教育学位毕业院校系及专业")
    parttime_education: str | None = _text("ZaiZhiJiaoYu_XueLi", "在职教育学历")
    parttime_degree: str | None = _text("ZaiZhiJiaoYu_XueWei", "在职教育学位")
    parttime_education_school: str | None = _text(
        "ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi", "在职教育学历毕业院校系及专业")
    parttime_degree_school: str | None = _text(
        "ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi", "在职教育学位毕业院校系及专业")
    current_post: str | None = _text("XianRenZhiWu", "现任职务")
    proposed_post: str | None = _text("NiRenZhiWu", "拟任职务")
    proposed_removal: str | None = _text("NiMianZhiWu", "拟免职务")
    resume_raw: str | None = _text("JianLi", "简历")
    rewards_penalties: str | None = _text("JiangChengQingKuang", "奖惩情况")
    annual_reviews: str | None = _text("NianDuKaoHeJieGuo", "年度考核结果")
    appointment_reason: str | None = _text("RenMianLiYou", "任免理由")
    family: list[FamilyMember] = Field(default_factory=list, alias=FAMILY_TAG,
                                       title="家庭成员及主要社会关系")
    submitting_unit: str | None = _text("ChengBaoDanWei", "呈报单位")
    age_reference_raw: str | None = _text("JiSuanNianLingShiJian", "计算年龄时间")
    filled_on: str | None = _text("TianBiaoShiJian", "填表时间")
    filled_by: str | None = _text("TianBiaoRen", "填表人")
    id_number: str | None = _text("ShenFenZheng", "身份证号")
    photo_base64: str | None = _text("ZhaoPian", "照片")
    version: str | None = _text("Version", "版本")
    retirement_month_raw: str | None = _text("DaoLingNianYue", "到龄年月")
    pre_reform_age_limit: str | None = _text("GaiGeQianRenZhiNianLingJieXian",
                                             "改革前任职年龄界限")
    person_attributes: dict[str, str] = Field(default_factory=dict)
    person_namespaces: dict[str, str] = Field(default_factory=dict)
    extra: list[ExtraNode] = Field(default_factory=list)
    issues: list[LrmxIssue] = Field(default_factory=list)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def birth_month(self) -> date | None:
        return month_or_none(self.birth_month_raw)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def party_entry_month(self) -> date | None:
        return month_or_none(self.party_entry_raw)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def work_start_month(self) -> date | None:
        return month_or_none(self.work_start_raw)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def age_reference_month(self) -> date | None:
        return month_or_none(self.age_reference_raw)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def retirement_month(self) -> date | None:
        return month_or_none(self.retirement_month_raw)

    def photo_bytes(self) -> bytes | None:
        """The decoded photo, or None when there is none or it is not valid base64."""
        if not self.photo_base64 or not self.photo_base64.strip():
            return None
        try:
            return base64.b64decode("".join(self.photo_base64.split()), validate=True)
        except (binascii.Error, ValueError):
            return None

    def resume(self) -> JianliResult:
        """The 简历 text parsed into career spells (with its own issues)."""
        return parse_jianli(self.resume_raw or "")


def _tags(model: type[BaseModel], *, skip: tuple[str, ...] = ()) -> dict[str, str]:
    return {f.alias: name for name, f in model.model_fields.items()
            if f.alias and f.alias not in skip}


PERSON_TAGS: dict[str, str] = _tags(LrmxRecord, skip=(FAMILY_TAG,))
"""Official scalar element tag -> record attribute, in official order."""
FAMILY_TAGS: dict[str, str] = _tags(FamilyMember)
"""Family member element tag -> attribute, in official order."""
LAYOUT: tuple[str, ...] = tuple(f.alias for f in LrmxRecord.model_fields.values() if f.alias)
"""Every official element under Person, in official order (scalars and the family list)."""
LABELS: dict[str, str] = {
    f.alias: f.title for model in (LrmxRecord, FamilyMember)
    for f in model.model_fields.values() if f.alias and f.title}
"""Official element tag -> the Chinese label printed on the form."""
