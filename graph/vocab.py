"""Controlled vocabularies of the domain, each value with its Chinese aliases.

Inputs may use the English value or any Chinese alias; outputs use the English value in
data files and the first Chinese alias for display.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

E = TypeVar("E", bound=StrEnum)


class Gender(StrEnum):
    M = "M"
    F = "F"


class UnitKind(StrEnum):
    party_committee = "party_committee"
    government = "government"
    people_congress = "people_congress"
    cppcc = "cppcc"
    discipline = "discipline"
    organization = "organization"
    court = "court"
    procuratorate = "procuratorate"
    public_security = "public_security"
    department = "department"
    township = "township"
    institution = "institution"
    enterprise = "enterprise"
    other = "other"


class PostRole(StrEnum):
    principal = "principal"
    deputy = "deputy"
    member = "member"
    staff = "staff"


class PostFunction(StrEnum):
    organization = "organization"
    personnel = "personnel"
    discipline = "discipline"
    supervision = "supervision"
    audit = "audit"
    finance = "finance"
    approval = "approval"
    general = "general"


class Method(StrEnum):
    elected = "elected"
    appointed = "appointed"
    hired = "hired"
    exam = "exam"


class ActRole(StrEnum):
    recommend = "recommend"
    inspect = "inspect"
    vote = "vote"
    decide = "decide"
    reference = "reference"


class Grade(StrEnum):
    excellent = "优秀"
    competent = "称职"
    basically_competent = "基本称职"
    incompetent = "不称职"


ALIASES: dict[type[StrEnum], dict[str, tuple[str, ...]]] = {
    Gender: {"M": ("男", "male", "m"), "F": ("女", "female", "f")},
    UnitKind: {
        "party_committee": ("党委",),
        "government": ("政府",),
        "people_congress": ("人大",),
        "cppcc": ("政协",),
        "discipline": ("纪委监委", "纪委"),
        "organization": ("组织部",),
        "court": ("法院",),
        "procuratorate": ("检察院",),
        "public_security": ("公安",),
        "department": ("工作部门",),
        "township": ("乡镇",),
        "institution": ("事业单位",),
        "enterprise": ("企业",),
        "other": ("其他",),
    },
    PostRole: {
        "principal": ("正职", "一把手"),
        "deputy": ("副职",),
        "member": ("班子成员",),
        "staff": ("一般干部",),
    },
    PostFunction: {
        "organization": ("组织",),
        "personnel": ("人事",),
        "discipline": ("纪检",),
        "supervision": ("监察",),
        "audit": ("审计",),
        "finance": ("财务",),
        "approval": ("审批",),
        "general": ("一般", "综合"),
    },
    Method: {
        "elected": ("选任",),
        "appointed": ("委任",),
        "hired": ("聘任",),
        "exam": ("考任",),
    },
    ActRole: {
        "recommend": ("推荐", "提名"),
        "inspect": ("考察",),
        "vote": ("表决",),
        "decide": ("决定",),
        "reference": ("证明人",),
    },
    Grade: {
        "优秀": ("excellent",),
        "称职": ("competent",),
        "基本称职": ("basically_competent",),
        "不称职": ("incompetent",),
    },
}

_LOOKUP: dict[type[StrEnum], dict[str, str]] = {
    enum: {
        **{m.value.casefold(): m.value for m in enum},
        **{a.casefold(): value for value, aliases in table.items() for a in aliases},
    }
    for enum, table in ALIASES.items()
}


def parse_enum(enum: type[E], text: str) -> E:
    """Parse an English value or a Chinese alias; raise ValueError naming the allowed values."""
    value = _LOOKUP[enum].get(text.strip().casefold())
    if value is None:
        allowed = ", ".join(
            f"{m.value}/{'/'.join(ALIASES[enum].get(m.value, ()))}".rstrip("/") for m in enum
        )
        raise ValueError(f"{text!r} is not one of: {allowed}")
    return enum(value)


def chinese(member: StrEnum) -> str:
    """The Chinese display term of a vocabulary value."""
    aliases = ALIASES[type(member)].get(member.value, ())
    return next((a for a in aliases if not a.isascii()), member.value)
