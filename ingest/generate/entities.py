"""The generator's internal records of one block: plain slotted classes, cheap by the thousand.

Dates are ordinals (see :mod:`.dates`); references between records are list indexes within the
block. Rows are written from these at the end (:mod:`.rows`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

LEADING = frozenset({"principal", "deputy", "member"})
RANKS = ("科员", "副股", "正股", "副科", "正科", "副处", "正处", "副厅", "正厅", "副部", "正部")
RANK = {r: i for i, r in enumerate(RANKS)}
SECTION = frozenset({"正科", "副科"})
SENSITIVE = frozenset({"organization", "personnel", "discipline", "supervision", "audit",
                       "finance"})
ORGAN, INSTITUTION, ENTERPRISE = "organ", "institution", "enterprise"
CADRE, RELATIVE, RETIREE = 1, 0, 2


@dataclass(slots=True)
class GUnit:
    idx: int
    id: str
    name: str
    kind: str
    level: str
    region: str
    sector: str
    parent: int | None = None
    parent_id: str = ""
    regulates: list[int] = field(default_factory=list)
    principal: int | None = None
    avoid: str = ""
    """Regional-avoidance class of its principal: '', 'county', 'city' or 'township'."""
    tag: str = ""
    """What the unit is, for planting and roles: 'standing', 'gov', 'org', 'congress', ..."""


@dataclass(slots=True)
class GPost:
    idx: int
    id: str
    unit: int
    title: str
    rank: str
    role: str
    function: str = "general"
    family: str = ""
    reports_to: int | None = None
    oversees: list[int] = field(default_factory=list)
    holders: int = 1
    weight: float = 0.0
    """Share of the staff budget (posts filled from the budget); 0 = fixed `holders`."""
    expandable: bool = False
    concurrent: int | None = None
    """This post is held, as a second post, by whoever holds `concurrent`."""
    seats: list[int] = field(default_factory=list)
    """Per seat: the ordinal from which it is taken (spells are filled backwards in time)."""
    key: bool = False
    """History kept complete (county leaders, organisation department): retirees fill gaps."""

    @property
    def leading(self) -> bool:
        return self.role in LEADING


@dataclass(slots=True)
class GSpell:
    person: int
    post: int
    start: int
    end: int
    """Exclusive; dates.INF for a current holding."""
    method: str = ""
    probation: int = 0
    promotion: bool = False


@dataclass(slots=True)
class GPerson:
    idx: int
    gender: str
    birth: int
    kind: int = RELATIVE
    spells: list[int] = field(default_factory=list)
    father: int = -1
    mother: int = -1
    spouse: int = -1
    children: list[int] = field(default_factory=list)
    link: int = -1
    """The one other cadre this person is kin to (-1: none)."""
    surname: str = ""
    name: str = ""
    education: str = ""
    party: str = ""
    ethnicity: str = ""
    work_start: int = 0
    grew_up_in: str = ""
    birthplace: str = ""
    native_place: str = ""
    id_number: str = ""
    avoid_regions: list[str] = field(default_factory=list)
    """Regions this person must not have grown up in (jurisdictions of avoidance posts)."""
    home: str = ""
    """Planted: grow up here regardless (a REGION-* conflict)."""
