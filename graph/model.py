"""The domain model: entities (nodes) and time-bound relation records with stable ids.

Every relation that can change over time carries `valid_from`/`valid_to` through the
`TimeBound` protocol: `active_on(d)` is true when `valid_from <= d < valid_to` (open ends are
unbounded). Relation ids derive from their identifying fields, so loading the same facts twice
yields the same records.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import cached_property
from typing import Any, ClassVar, Self

from pydantic import BaseModel, ConfigDict, Field

from graph.cached import content_id
from graph.vocab import ActRole, Gender, Grade, Method, PostFunction, PostRole, UnitKind

Extra = dict[str, str]


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", ignored_types=(cached_property,))

    extra: Extra = Field(default_factory=dict)
    """Input columns the schema does not know: kept, never dropped."""


class TimeBound(Record):
    """A relation record: its `id` is a `content_id` of its fields."""

    def model_copy(self, *, update: Mapping[str, Any] | None = None,
                   deep: bool = False) -> Self:
        """A copy; changed fields mean another id (the kept one is dropped)."""
        copied = super().model_copy(update=update, deep=deep)
        if update:
            copied.__dict__.pop("id", None)
        return copied

    valid_fields: ClassVar[tuple[str | None, str | None]] = (None, None)
    """The date fields that bound the record in time (from, to), where fields do."""

    @property
    def valid_from(self) -> date | None:
        name = self.valid_fields[0]
        value: date | None = None if name is None else getattr(self, name)
        return value

    @property
    def valid_to(self) -> date | None:
        name = self.valid_fields[1]
        value: date | None = None if name is None else getattr(self, name)
        return value

    def active_on(self, day: date | None) -> bool:
        """True when the record holds on `day` (None means: regardless of time)."""
        if day is None:
            return True
        start, end = self.valid_from, self.valid_to
        return (start is None or start <= day) and (end is None or day < end)


class Region(Record):
    code: str
    name: str
    parent_code: str | None = None


class Unit(Record):
    id: str
    name: str
    parent_id: str | None = None
    kind: UnitKind = UnitKind.other
    level: str | None = None
    region_code: str | None = None
    regulates: tuple[str, ...] = ()


class Post(Record):
    id: str
    unit_id: str
    title: str
    rank: str | None = None
    role: PostRole = PostRole.staff
    function: PostFunction = PostFunction.general
    reports_to: str | None = None
    oversees: tuple[str, ...] = ()
    headcount: int = 1


class Person(Record):
    id: str
    name: str
    gender: Gender | None = None
    birth_date: date | None = None
    id_number: str | None = None
    ethnicity: str | None = None
    native_place: str | None = None
    birthplace: str | None = None
    grew_up_in: str | None = None
    party: str | None = None
    education: str | None = None
    work_start: date | None = None
    retirement_date: date | None = None

    @property
    def home_region(self) -> str | None:
        """成长地 for regional avoidance: grew_up_in, else birthplace."""
        return self.grew_up_in or self.birthplace


class Holding(TimeBound):
    """A person holds a post from `start` until `end` (exclusive; None = current)."""

    person_id: str
    post_id: str
    start: date
    end: date | None = None
    method: Method | None = None
    probation_end: date | None = None

    id: ClassVar[content_id] = content_id("h", "person_id", "post_id", "start")
    valid_fields = ("start", "end")


class Kinship(TimeBound):
    """`relative_id` is `person_id`'s `relation` (a 称谓, GB/T 4761 code or chain), as declared.

    `since`/`until` are optional (a marriage date, a divorce); without them the kinship holds
    at all times.
    """

    person_id: str
    relative_id: str
    relation: str
    since: date | None = None
    until: date | None = None

    id: ClassVar[content_id] = content_id("k", "person_id", "relative_id")
    valid_fields = ("since", "until")


class Act(TimeBound):
    """A procedure role: `actor_id` recommended/inspected/voted on/decided/vouched for someone."""

    actor_id: str
    candidate_id: str
    role: ActRole
    post_id: str | None = None
    on: date | None = None
    """The act's date (the `date` column; for `reference`, the start of the spell)."""

    id: ClassVar[content_id] = content_id("a", "actor_id", "candidate_id", "role", "post_id", "on")
    valid_fields = ("on", None)


class Assessment(TimeBound):
    person_id: str
    year: int
    grade: Grade

    id: ClassVar[content_id] = content_id("as", "person_id", "year")

    @property
    def valid_from(self) -> date | None:
        return date(self.year, 12, 31)


class Training(TimeBound):
    person_id: str
    start: date
    end: date | None = None
    days: int | None = None
    institution: str | None = None

    id: ClassVar[content_id] = content_id("t", "person_id", "start", "institution")
    valid_fields = ("start", None)


class Bundle(BaseModel):
    """A whole roster bundle in memory: what ingest produces and export writes."""

    model_config = ConfigDict(extra="forbid")

    regions: list[Region] = Field(default_factory=list)
    units: list[Unit] = Field(default_factory=list)
    posts: list[Post] = Field(default_factory=list)
    persons: list[Person] = Field(default_factory=list)
    holdings: list[Holding] = Field(default_factory=list)
    kinship: list[Kinship] = Field(default_factory=list)
    roles: list[Act] = Field(default_factory=list)
    assessments: list[Assessment] = Field(default_factory=list)
    trainings: list[Training] = Field(default_factory=list)

    def size(self) -> int:
        return sum(len(getattr(self, name)) for name in type(self).model_fields)
